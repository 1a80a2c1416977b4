namespace Dashboard.Application.Jobs;

/// <summary>
/// What an action would replace: the data of the organisation stored now that it deletes or overwrites.
/// Empty when the action only adds; pages ask for confirmation when it is not.
/// </summary>
public sealed record ReplacedData(IReadOnlyList<DataCount> Counts)
{
    public static ReplacedData Nothing { get; } = new([]);

    /// <summary>Nothing stored means nothing to lose, so there is nothing to confirm.</summary>
    public bool ReplacesAnything => Counts.Any(c => c.Count > 0);

    /// <summary>How the audit log and the confirmation name the counts, e.g. "1,000 end-users, 200 items".</summary>
    public string Describe() => string.Join(", ", Counts.Select(c => c.ToString()));
}
