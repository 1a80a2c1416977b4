using System.Text.Json;
using Dashboard.Domain.Privacy;

namespace Dashboard.Application.Privacy;

/// <summary>An access or erasure receipt as people and the API see it; like the row, it names no end-user.</summary>
public sealed record PrivacyRequestView(
    Guid Id,
    string Reference,
    PrivacyRequestKind Kind,
    DateTime ReceivedAtUtc,
    DateTime? CompletedAtUtc,
    string RequestedBy,
    string Channel,
    bool Found,
    IReadOnlyDictionary<string, long> RowsRemoved,
    IReadOnlyList<string> ModelVersionsAffected)
{
    /// <summary>One sentence for the receipts table.</summary>
    public string Outcome => (Kind, Found, CompletedAtUtc) switch
    {
        (_, _, null) => "Not completed: it stopped before the end. Run it again; what was already removed stays removed.",
        (_, false, _) => "Nothing was found under this id.",
        (PrivacyRequestKind.Access, true, _) => "Everything stored was exported.",
        _ => $"{RowsRemoved.Values.Sum():N0} rows removed; {(ModelVersionsAffected.Count == 0 ? "no model version held the end-user" : $"rewritten without the end-user: {string.Join(", ", ModelVersionsAffected)}")}.",
    };

    public static PrivacyRequestView From(PrivacyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new PrivacyRequestView(
            request.Id,
            request.Reference,
            request.Kind,
            // Read back from the database without a kind; written as UTC, and answered as such by the API.
            DateTime.SpecifyKind(request.ReceivedAtUtc, DateTimeKind.Utc),
            request.CompletedAtUtc is { } completed ? DateTime.SpecifyKind(completed, DateTimeKind.Utc) : null,
            request.RequestedBy,
            request.Channel,
            request.Found,
            request.RowsRemovedJson is { Length: > 0 } rows ? JsonSerializer.Deserialize<Dictionary<string, long>>(rows) ?? [] : new Dictionary<string, long>(),
            request.ModelVersionsAffectedJson is { Length: > 0 } versions ? JsonSerializer.Deserialize<List<string>>(versions) ?? [] : []);
    }
}
