namespace Dashboard.Recommender.Serving;

/// <summary>What a list was based on.</summary>
public enum DataBasis
{
    /// <summary>The end-user's own history (and recent events).</summary>
    Personalised,

    /// <summary>The model does not know the end-user (new since training): popular items instead.</summary>
    FallbackNewEndUser,

    /// <summary>Item-to-item: end-users who interacted with the given item also interacted with this one.</summary>
    ItemToItem,

    /// <summary>
    /// The blend ranks by popularity alone: the same order for everyone, apart from leaving out what the
    /// end-user has already seen. Not personalised, although the end-user is known.
    /// </summary>
    PopularityOnly,

    /// <summary>
    /// The end-user has not consented to personalisation (or withdrew): popular items, made without reading
    /// their history, the same list as an end-user the model does not know.
    /// </summary>
    NoConsent,
}
