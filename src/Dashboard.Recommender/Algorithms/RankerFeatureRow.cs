using Microsoft.ML.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>One (user, candidate) row as ML.NET sees it; the feature vector size is set at run time.</summary>
public sealed class RankerFeatureRow
{
    public float Label { get; set; }

    public uint GroupId { get; set; }

    [VectorType]
    public float[] Features { get; set; } = [];
}
