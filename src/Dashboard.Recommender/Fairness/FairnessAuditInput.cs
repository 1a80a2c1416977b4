using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Fairness;

/// <summary>
/// What an audit reads: the evaluated users' lists and metrics at the cut-off
/// (<see cref="TopNEvaluationResult.PerUser"/>), each user's training history (by user index, for
/// calibration), training popularity per item (its length is the catalogue size), the item categories
/// and, optionally, the training events for outcome rates. <see cref="UserCount"/> is the size of the
/// user-index space that <see cref="SensitiveFeature.GroupOfUser"/> covers.
/// </summary>
public sealed record FairnessAuditInput(
    int UserCount,
    IReadOnlyList<UserListMetrics> Users,
    IReadOnlyList<int[]> History,
    int[] Popularity,
    ItemCategories Categories,
    OutcomeEvents? Outcomes = null);
