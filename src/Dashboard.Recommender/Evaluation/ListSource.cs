using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Produces a user's top-<paramref name="n"/> list among the items <paramref name="allow"/> accepts,
/// best first. <see cref="Algorithms.IRecommender.Recommend"/> has this shape; a lambda lets the
/// evaluator measure anything that serves lists, e.g. a model followed by a re-ranking pipeline.
/// Called concurrently for different users.
/// </summary>
public delegate IReadOnlyList<ScoredItem> ListSource(int user, int n, Func<int, bool> allow);
