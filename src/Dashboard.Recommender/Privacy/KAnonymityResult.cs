namespace Dashboard.Recommender.Privacy;

/// <summary>
/// k-anonymity of a set of records over their (generalised) quasi-identifiers.
/// </summary>
/// <param name="K">The k asked for.</param>
/// <param name="KAchieved">The smallest equivalence class left after suppression; 0 when every record was suppressed.</param>
/// <param name="ClassesBeforeSuppression">Distinct quasi-identifier tuples among all records.</param>
/// <param name="ClassesKept">Classes of at least k records.</param>
/// <param name="Records">Records evaluated.</param>
/// <param name="Suppressed">Records in classes smaller than k.</param>
/// <param name="IsSuppressed">Per record, whether it was suppressed.</param>
/// <param name="LDiversity">Per sensitive column (in the order given): the fewest distinct values in any kept class; 0 when nothing is kept.</param>
public sealed record KAnonymityResult(
    int K, int KAchieved, int ClassesBeforeSuppression, int ClassesKept, int Records, int Suppressed,
    IReadOnlyList<bool> IsSuppressed, IReadOnlyList<int> LDiversity)
{
    /// <summary>True when k exceeds the number of records or no class reaches it: nothing can be released.</summary>
    public bool EverythingSuppressed => Records > 0 && Suppressed == Records;
}
