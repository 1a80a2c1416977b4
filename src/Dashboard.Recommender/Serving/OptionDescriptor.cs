namespace Dashboard.Recommender.Serving;

/// <summary>
/// One option of a component, for the blend editor: a slider or field with its range and one line of help.
/// </summary>
/// <param name="Name">Key in <see cref="ComponentSpec.Options"/>.</param>
/// <param name="Default">Invariant-culture default value.</param>
/// <param name="Min">Smallest accepted value (Integer, Number); null otherwise.</param>
/// <param name="Max">Largest accepted value (Integer, Number); null otherwise.</param>
/// <param name="Choices">Accepted values of a Choice option; empty otherwise.</param>
public sealed record OptionDescriptor(
    string Name,
    string Label,
    string Help,
    OptionType Type,
    string Default,
    double? Min,
    double? Max,
    IReadOnlyList<string> Choices);
