namespace Dashboard.Recommender.Privacy;

/// <summary>One attribute's generalisation: the method and its parameter (band width, characters kept or minimum holders).</summary>
public sealed record GeneralisationRule(GeneralisationMethod Method, int Parameter)
{
    public static GeneralisationRule Keep { get; } = new(GeneralisationMethod.None, 0);

    /// <summary>Why the parameter cannot be used with the method, or null when it can.</summary>
    public string? Problem() => Method switch
    {
        GeneralisationMethod.None => null,
        GeneralisationMethod.NumericBands => Parameter >= 1 ? null : "A band must be at least 1 wide.",
        GeneralisationMethod.Prefix => Parameter >= 0 ? null : "Keep 0 or more characters.",
        GeneralisationMethod.RareValuesToOther => Parameter >= 2 ? null : "A value is rare when fewer than 2 or more end-users hold it; use at least 2.",
        _ => "Unknown generalisation.",
    };
}
