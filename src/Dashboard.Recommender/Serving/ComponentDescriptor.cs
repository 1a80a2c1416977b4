namespace Dashboard.Recommender.Serving;

/// <summary>What the blend editor shows about a component kind.</summary>
/// <param name="NeedsRatings">Only usable when the tenant has rating events.</param>
/// <param name="NeedsItemText">Only usable when items have titles, categories, tags or attribute text.</param>
/// <param name="ExplainsByHistory">Its explanations name the end-user's history items that drove a score.</param>
public sealed record ComponentDescriptor(
    ComponentKind Kind,
    string DisplayName,
    string Help,
    bool NeedsRatings,
    bool NeedsItemText,
    bool ExplainsByHistory,
    IReadOnlyList<OptionDescriptor> Options)
{
    /// <summary>The option called <paramref name="name"/>, or null.</summary>
    public OptionDescriptor? Option(string name)
    {
        foreach (var option in Options)
        {
            if (string.Equals(option.Name, name, StringComparison.Ordinal))
            {
                return option;
            }
        }

        return null;
    }
}
