namespace Dashboard.Recommender.Serving;

/// <summary>
/// One component of a blend: which algorithm, its weight, and its options as invariant-culture strings
/// keyed by <see cref="OptionDescriptor.Name"/> (see <see cref="ComponentCatalog"/>). A missing option
/// takes its default, so a spec saved today still means the same after an option is added.
/// </summary>
public sealed record ComponentSpec(ComponentKind Kind, double Weight, IReadOnlyDictionary<string, string> Options)
{
    public ComponentSpec(ComponentKind kind, double weight)
        : this(kind, weight, new Dictionary<string, string>(StringComparer.Ordinal))
    {
    }

    /// <summary>Value equality over the options too (a record compares dictionaries by reference).</summary>
    public bool Equals(ComponentSpec? other) =>
        other is not null
        && Kind == other.Kind
        && Weight.Equals(other.Weight)
        && SpecEquality.SameMap(Options, other.Options);

    public override int GetHashCode() => HashCode.Combine(Kind, Weight, Options.Count);
}
