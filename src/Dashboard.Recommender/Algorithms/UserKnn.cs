using System.Buffers;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// User-based k-nearest-neighbours (Herlocker et al. 1999, baseline-adjusted as in Koren 2008).
/// Explicit: r̂_ui = b_ui + Σ_v s_uv (r_vi − b_vi) / Σ_v s_uv over the k users most similar to u who
/// rated i. Implicit: score = Σ_v s_uv over the same neighbours. Fitting, the final prediction and the
/// saved layout are those of <see cref="KnnRecommenderBase"/>; this class stores the neighbours'
/// residuals and scatters their rows into every item at once.
/// </summary>
public sealed class UserKnn : KnnRecommenderBase
{
    public const string AlgorithmName = "user-knn";

    public override string Name => AlgorithmName;

    public static UserKnn Load(Stream stream) => Load(stream, new UserKnn());

    private protected override bool ComparesItems => false;

    protected override void FitCore(
        InteractionMatrix train, KnnOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        base.FitCore(train, options, progress, cancellationToken);

        // Store residuals r_vi − b_vi once instead of recomputing them for every score.
        if (options.Feedback == FeedbackKind.Explicit)
        {
            var residuals = (float[])UserValues.Clone();
            for (var v = 0; v < train.UserCount; v++)
            {
                for (var k = UserPtr[v]; k < UserPtr[v + 1]; k++)
                {
                    residuals[k] -= Mean + UserBias[v] + ItemBias[UserItems[k]];
                }
            }

            UserValues = residuals;
        }
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var all = ArrayPool<float>.Shared.Rent(ItemCount);
        try
        {
            var dense = all.AsSpan(0, ItemCount);
            ScoreAll(user, dense);
            for (var c = 0; c < candidates.Length; c++)
            {
                scores[c] = IsKnownItem(candidates[c]) ? dense[candidates[c]] : float.NaN;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(all);
        }
    }

    /// <summary>
    /// Scatters the neighbours' rows, most similar neighbour first, so the first k contributions each
    /// item receives are exactly its k most similar raters; cost is the neighbours' total degree.
    /// </summary>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        var numBuffer = ArrayPool<double>.Shared.Rent(ItemCount * 2);
        var countBuffer = ArrayPool<int>.Shared.Rent(ItemCount);
        try
        {
            var num = numBuffer.AsSpan(0, ItemCount);
            var den = numBuffer.AsSpan(ItemCount, ItemCount);
            var count = countBuffer.AsSpan(0, ItemCount);
            num.Clear();
            den.Clear();
            count.Clear();
            var k = Options.Neighbors;
            var ids = Neighbors.NeighborsOf(user);
            var sims = Neighbors.SimilaritiesOf(user);
            for (var n = 0; n < ids.Length; n++)
            {
                var v = ids[n];
                double s = sims[n];
                for (var e = UserPtr[v]; e < UserPtr[v + 1]; e++)
                {
                    var i = UserItems[e];
                    if (count[i] < k)
                    {
                        count[i]++;
                        num[i] += s * UserValues[e];
                        den[i] += s;
                    }
                }
            }

            var userPart = UserPart(user);
            for (var i = 0; i < ItemCount; i++)
            {
                scores[i] = Prediction(userPart, i, num[i], den[i], count[i]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(numBuffer);
            ArrayPool<int>.Shared.Return(countBuffer);
        }
    }
}
