using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Web.Api;

/// <summary>
/// Reads an events-API body with messages a person can act on. Minimal APIs' own binding answers a
/// malformed body with an empty 400; this names the place in the JSON instead, and refuses unknown
/// field names (a "userId" instead of "user_id" would otherwise be silently dropped).
/// </summary>
internal static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Not JSON",
                detail: "Send the body as JSON with the header Content-Type: application/json."));
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken), null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1})" : string.Empty;
            return (null, Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The body could not be read",
                detail: $"The JSON is malformed or has an unexpected field at {ex.Path ?? "$"}{where}. Check the field names (snake_case, e.g. user_id) and that text is in quotes and numbers are not. Nothing was written."));
        }
    }
}
