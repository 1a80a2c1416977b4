namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Scores a user's whole catalogue into a caller's buffer through the model's dense path, without the
/// candidate list and copy that <see cref="IRecommender.Score"/> needs: what serving calls per request.
/// </summary>
internal interface IDenseScorer
{
    /// <summary>One score per item (span length = the model's item count); all NaN for an unknown user.</summary>
    void ScoreEveryItem(int user, Span<float> scores);
}
