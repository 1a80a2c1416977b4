namespace Dashboard.Domain.DataSources;

/// <summary>
/// What an API key may do, chosen when the key is created and stored with it as space-separated names
/// (the OAuth 2.0 spelling). Each endpoint group of <c>/api/v1</c> requires one scope; a key without it
/// gets 403 naming the scope.
/// </summary>
public static class ApiScopes
{
    /// <summary>Send end-users, items, interactions and recommendation feedback.</summary>
    public const string EventsWrite = "events:write";

    /// <summary>Read recommendations and similar items.</summary>
    public const string RecommendationsRead = "recommendations:read";

    /// <summary>Record end-users' consent decisions (the privacy feature's endpoints).</summary>
    public const string ConsentsWrite = "consents:write";

    /// <summary>Export and erase end-users' data (the privacy feature's endpoints).</summary>
    public const string PrivacyAdmin = "privacy:admin";

    /// <summary>Longest stored scope text: every known scope, space-separated, fits with room to spare.</summary>
    public const int StoredMaxLength = 200;

    /// <summary>Every scope name a key may hold, in the order people see them.</summary>
    public static IReadOnlyList<string> Known { get; } = [EventsWrite, RecommendationsRead, ConsentsWrite, PrivacyAdmin];

    /// <summary>Scopes with endpoints today: the ones the API keys page offers.</summary>
    public static IReadOnlyList<string> Offered { get; } = [EventsWrite, RecommendationsRead, ConsentsWrite, PrivacyAdmin];

    /// <summary>What a key created before scopes existed may do: it was made for the events API.</summary>
    public const string Legacy = EventsWrite;

    public static bool IsKnown(string? scope) => scope is not null && Known.Contains(scope, StringComparer.Ordinal);

    /// <summary>The stored text of a set of scopes: known names only, each once, in <see cref="Known"/> order.</summary>
    public static string Join(IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var wanted = scopes.ToHashSet(StringComparer.Ordinal);
        return string.Join(' ', Known.Where(wanted.Contains));
    }

    public static IReadOnlyList<string> Split(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? [] : stored.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>One line per scope for people choosing scopes.</summary>
    public static string Describe(string scope) => scope switch
    {
        EventsWrite => "Send end-users, items, events and recommendation feedback.",
        RecommendationsRead => "Read recommendations and similar items.",
        ConsentsWrite => "Record end-users' consent decisions.",
        PrivacyAdmin => "Export and erase end-users' data.",
        _ => scope,
    };
}
