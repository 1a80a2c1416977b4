namespace Dashboard.Application.Privacy;

/// <summary>
/// k-anonymity of one set of quasi-identifying attributes after generalisation: the k asked for and the k
/// achieved (smallest equivalence class left), how many classes there are, how many end-users were
/// suppressed because their class was smaller than k, and the l-diversity (distinct values per class, the
/// smallest over classes) of each sensitive attribute.
/// </summary>
public sealed record KAnonymityFigures(
    IReadOnlyList<string> QuasiIdentifiers,
    int K,
    int KAchieved,
    int EquivalenceClasses,
    int EndUsers,
    int EndUsersSuppressed,
    IReadOnlyDictionary<string, int> LDiversity,
    DateTime ComputedAtUtc);
