namespace Dashboard.Recommender.Serving;

/// <summary>Per-request settings of <see cref="BlendModel.Recommend"/>.</summary>
public sealed record RecommendOptions
{
    /// <summary>Items in any of these categories (names as in the item details) are left out.</summary>
    public IReadOnlyCollection<string> ExcludeCategories { get; init; } = [];

    /// <summary>
    /// Events of this end-user since the model was trained. For an end-user the model knows they are
    /// added to the history the model scores from (see <see cref="BlendModel"/>) and count as seen;
    /// events on items the model does not know are ignored until the next training.
    /// </summary>
    public IReadOnlyList<RecentEvent> RecentEvents { get; init; } = [];

    /// <summary>
    /// False leaves out the history items behind each score ("because you …"), which cost implicit ALS one
    /// fold-in per list; scores, ranks, reason codes, component shares and rules are the same either way.
    /// The serving API, which returns reason codes only, turns it off; the Recommendations page keeps it.
    /// </summary>
    public bool ExplainByHistory { get; init; } = true;

    /// <summary>
    /// False serves the popular items without reading the end-user's history or recent events (whatever the
    /// blend's popularity fallback says): the list for an end-user who has not consented to personalisation.
    /// Its items' basis is <see cref="DataBasis.NoConsent"/>.
    /// </summary>
    public bool Personalise { get; init; } = true;

    /// <summary>A campaign's business rules on the list; null for none.</summary>
    public ListRules? Rules { get; init; }
}
