namespace Dashboard.Recommender.Data;

/// <summary>What to keep when the same (user, item) pair occurs more than once.</summary>
public enum DuplicatePolicy
{
    /// <summary>Keep the most recent value (ties: the later one in input order). Right for explicit ratings.</summary>
    Last,

    /// <summary>Add the values. Right for implicit event weights (two clicks weigh more than one).</summary>
    Sum,
}
