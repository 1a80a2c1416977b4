namespace Dashboard.Recommender.Data;

/// <summary>
/// Turns typed implicit events into interaction values: a stronger signal of interest weighs more.
/// Lookup is case-insensitive; an unknown event type has no weight.
/// </summary>
public sealed record EventWeights
{
    public static EventWeights Default { get; } = new();

    public IReadOnlyDictionary<string, float> Weights { get; init; } =
        new Dictionary<string, float>(StringComparer.OrdinalIgnoreCase)
        {
            ["view"] = 1f,
            ["click"] = 2f,
            ["add_to_cart"] = 3f,
            ["purchase"] = 5f,
        };

    public bool TryGetWeight(string eventType, out float weight)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        if (Weights.TryGetValue(eventType.Trim(), out weight))
        {
            return true;
        }

        // A caller may pass a dictionary built with the default comparer.
        foreach (var (name, value) in Weights)
        {
            if (string.Equals(name, eventType.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                weight = value;
                return true;
            }
        }

        weight = 0;
        return false;
    }
}
