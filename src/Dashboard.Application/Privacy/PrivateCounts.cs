using System.Globalization;

namespace Dashboard.Application.Privacy;

/// <summary>
/// Aggregate counts as a caller may see them, with the label pages print beside them ("exact", "noisy (ε 0.5)") or
/// the refusal sentence when the month's budget is spent.
/// </summary>
public sealed record PrivateCounts(ReleaseKind Kind, IReadOnlyList<PrivateCount> Counts, double? Epsilon, string? Refusal)
{
    public string Label => Kind switch
    {
        ReleaseKind.Exact => "exact",
        ReleaseKind.Noisy => string.Create(CultureInfo.InvariantCulture, $"noisy (ε {Epsilon:0.###})"),
        _ => Refusal ?? "withheld",
    };

    /// <summary>The released count of <paramref name="group"/>, or null when it was not released.</summary>
    public long? CountOf(string group) => Counts.FirstOrDefault(c => string.Equals(c.Group, group, StringComparison.Ordinal))?.Count;
}
