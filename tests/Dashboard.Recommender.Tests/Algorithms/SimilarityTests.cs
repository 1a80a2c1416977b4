using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Tests.Algorithms;

public class SimilarityTests
{
    private static readonly float[] A = [4, 5, 2, 3, 4];
    private static readonly float[] B = [3, 4, 5, 2, 3];

    [Fact]
    public void Cosine_MatchesHandComputedValue()
    {
        // dot 60, |A|² = 70, |B|² = 63: 60 / sqrt(4410) = 0.9035.
        Assert.Equal(0.9035, Similarity.Cosine(A, B), 4);
    }

    [Fact]
    public void Pearson_MatchesHandComputedValue()
    {
        // Means 3.6 and 3.4: Σ da·db = -1.2, Σ da² = 5.2, Σ db² = 5.2 → -1.2 / 5.2 = -0.2308.
        Assert.Equal(-0.2308, Similarity.Pearson(A, B), 4);
    }

    [Fact]
    public void AdjustedCosine_SubtractsUserMeans()
    {
        float[] userMeans = [3, 3, 3, 3, 3];

        // (1,2,-1,0,1)·(0,1,2,-1,0) = 0 → orthogonal after centring.
        Assert.Equal(0, Similarity.AdjustedCosine(A, B, userMeans), 6);
    }

    [Fact]
    public void Cosine_OfZeroVector_IsZero()
    {
        Assert.Equal(0, Similarity.Cosine([0, 0], [1, 2]));
    }

    [Fact]
    public void Shrink_PullsWeaklySupportedSimilarityTowardsZero()
    {
        Assert.Equal(0.5 * 10 / 110.0, Similarity.Shrink(0.5, 10, 100), 10);
    }
}
