namespace Dashboard.Recommender.Algorithms;

/// <summary>ML.NET's output column for a ranked row.</summary>
public sealed class RankerScoreRow
{
    public float Score { get; set; }
}
