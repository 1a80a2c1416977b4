namespace Dashboard.Recommender.Serving;

/// <summary>
/// A fitted blend, immutable and safe to share between threads: recommends for end-users by external
/// id, explains each item, finds similar items, and saves to / loads from one versioned stream.
/// </summary>
public sealed class BlendModel
{
    private BlendModel()
    {
    }

    /// <summary>Version of the engine that wrote the model (the saved format is versioned separately).</summary>
    public string EngineVersion => throw new NotImplementedException("Follows in the next commit.");

    public BlendSpec Spec => throw new NotImplementedException("Follows in the next commit.");

    public int EndUserCount => throw new NotImplementedException("Follows in the next commit.");

    public int ItemCount => throw new NotImplementedException("Follows in the next commit.");

    public int InteractionCount => throw new NotImplementedException("Follows in the next commit.");

    public bool KnowsEndUser(string endUserId) => throw new NotImplementedException("Follows in the next commit.");

    public bool KnowsItem(string itemId) => throw new NotImplementedException("Follows in the next commit.");

    public RecommendationList Recommend(string endUserId, int count, RecommendOptions? options = null) =>
        throw new NotImplementedException("Follows in the next commit.");

    /// <summary>Items most often interacted with by the same end-users; empty for an item the model does not know.</summary>
    public IReadOnlyList<RecommendedItem> SimilarItems(string itemId, int count) =>
        throw new NotImplementedException("Follows in the next commit.");

    public void Save(Stream stream) => throw new NotImplementedException("Follows in the next commit.");

    /// <exception cref="InvalidDataException">The stream is not a blend model, is truncated or was altered.</exception>
    public static BlendModel Load(Stream stream) => throw new NotImplementedException("Follows in the next commit.");
}
