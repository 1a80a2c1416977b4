using System.Text.Json;

namespace Dashboard.Application.Auditing;

/// <summary>
/// Before and after values made of several settings are stored as a JSON object of readable names and
/// readable values, so the log can show them field by field and say which ones changed. Older entries
/// hold plain text; <see cref="Read"/> returns null for those and they are shown as written.
/// </summary>
public static class AuditFields
{
    public static string Write(params IEnumerable<(string Name, string? Value)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                values[name] = value;
            }
        }

        return JsonSerializer.Serialize(values);
    }

    public static IReadOnlyList<AuditField>? Read(string? text)
    {
        if (text is not { Length: > 1 } || text[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return [.. document.RootElement.EnumerateObject()
                .Select(p => new AuditField(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : p.Value.GetRawText()))];
        }
        catch (JsonException)
        {
            // A value cut at the column's length, or text that merely starts with a brace.
            return null;
        }
    }

    public static string? Value(IReadOnlyList<AuditField>? fields, string name) =>
        fields?.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))?.Value;
}
