using Dashboard.Recommender.Privacy;

namespace Dashboard.Application.Privacy;

/// <summary>
/// A tenant's end-user attributes after generalisation and k-anonymity suppression, held as columns (one value per
/// end-user, in <see cref="EndUserIds"/> order) so reports can re-group them cheaply.
/// </summary>
public sealed class AnonymisedAttributes
{
    private readonly IReadOnlyList<Dictionary<string, string>> _others;

    internal AnonymisedAttributes(
        int k, IReadOnlyList<long> endUserIds, IReadOnlyList<string> quasiIdentifiers, IReadOnlyList<string[]> generalised,
        IReadOnlyList<string> sensitiveAttributes, IReadOnlyList<string?[]> sensitive, IReadOnlyList<Dictionary<string, string>> others, KAnonymityResult together)
    {
        K = k;
        EndUserIds = endUserIds;
        QuasiIdentifiers = quasiIdentifiers;
        GeneralisedColumns = generalised;
        SensitiveAttributes = sensitiveAttributes;
        SensitiveColumns = sensitive;
        _others = others;
        Together = together;
    }

    public int K { get; }

    public IReadOnlyList<long> EndUserIds { get; }

    /// <summary>The keys of the attributes flagged quasi-identifying, in ordinal order.</summary>
    public IReadOnlyList<string> QuasiIdentifiers { get; }

    /// <summary>Per quasi-identifier, every end-user's generalised value (before suppression).</summary>
    public IReadOnlyList<IReadOnlyList<string>> GeneralisedColumns { get; }

    /// <summary>The keys of the attributes flagged sensitive, in ordinal order.</summary>
    public IReadOnlyList<string> SensitiveAttributes { get; }

    /// <summary>Per sensitive attribute, every end-user's value in clear (null where they have none).</summary>
    public IReadOnlyList<IReadOnlyList<string?>> SensitiveColumns { get; }

    /// <summary>k-anonymity over all quasi-identifiers together: which end-users are suppressed.</summary>
    public KAnonymityResult Together { get; }

    public int Count => EndUserIds.Count;

    /// <summary>The <paramref name="index"/>th end-user's attributes as they may be used.</summary>
    public AnonymisedEndUser EndUser(int index)
    {
        var suppressed = Together.IsSuppressed[index];
        var attributes = new Dictionary<string, string>(_others[index], StringComparer.Ordinal);
        for (var s = 0; s < SensitiveAttributes.Count; s++)
        {
            if (SensitiveColumns[s][index] is { } value)
            {
                attributes[SensitiveAttributes[s]] = value;
            }
        }

        if (!suppressed)
        {
            for (var q = 0; q < QuasiIdentifiers.Count; q++)
            {
                if (GeneralisedColumns[q][index] is var value && value != Generalisation.Missing)
                {
                    attributes[QuasiIdentifiers[q]] = value;
                }
            }
        }

        return new AnonymisedEndUser(EndUserIds[index], suppressed, attributes);
    }

    public IEnumerable<AnonymisedEndUser> EndUsers()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return EndUser(i);
        }
    }
}
