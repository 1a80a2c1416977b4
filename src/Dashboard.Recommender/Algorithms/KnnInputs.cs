using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Prepares the values the neighbourhood similarities are computed on, aligned with both the CSR
/// (by user) and CSC (by item) arrays of the training matrix.
/// </summary>
internal static class KnnInputs
{
    /// <summary>
    /// Returns (byUser, byItem) value arrays. <paramref name="itemEntities"/> says whether items are the
    /// entities being compared (item-kNN) or users are (user-kNN); that decides which mean Pearson
    /// (own mean) and adjusted cosine (the other dimension's mean) subtract.
    /// </summary>
    /// <param name="baseline">μ, b_u, b_i; required for <see cref="SimilarityMetric.PearsonBaseline"/>.</param>
    public static (float[] ByUser, float[] ByItem) SimilarityValues(
        InteractionMatrix train, SimilarityMetric metric, bool binary, bool itemEntities,
        (float Mean, float[] UserBias, float[] ItemBias)? baseline = null)
    {
        var byUser = binary ? Ones(train.NonZeroCount) : (float[])train.UserValues.Clone();
        var byItem = binary ? Ones(train.NonZeroCount) : (float[])train.ItemValues.Clone();
        if (metric == SimilarityMetric.PearsonBaseline)
        {
            var (mean, bu, bi) = baseline ?? throw new ArgumentNullException(nameof(baseline), "PearsonBaseline needs the baseline biases.");
            for (var u = 0; u < train.UserCount; u++)
            {
                for (var k = train.UserPtr[u]; k < train.UserPtr[u + 1]; k++)
                {
                    byUser[k] -= mean + bu[u] + bi[train.UserItems[k]];
                }
            }

            for (var i = 0; i < train.ItemCount; i++)
            {
                for (var k = train.ItemPtr[i]; k < train.ItemPtr[i + 1]; k++)
                {
                    byItem[k] -= mean + bu[train.ItemUsers[k]] + bi[i];
                }
            }

            return (byUser, byItem);
        }

        var centreByUser = metric switch
        {
            SimilarityMetric.Cosine => (bool?)null,
            SimilarityMetric.Pearson => !itemEntities,
            SimilarityMetric.AdjustedCosine => itemEntities,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown similarity metric."),
        };
        if (centreByUser is null)
        {
            return (byUser, byItem);
        }

        if (centreByUser.Value)
        {
            var means = RowMeans(train.UserPtr, byUser);
            for (var u = 0; u < train.UserCount; u++)
            {
                for (var k = train.UserPtr[u]; k < train.UserPtr[u + 1]; k++)
                {
                    byUser[k] -= means[u];
                }
            }

            for (var k = 0; k < byItem.Length; k++)
            {
                byItem[k] -= means[train.ItemUsers[k]];
            }
        }
        else
        {
            var means = RowMeans(train.ItemPtr, byItem);
            for (var i = 0; i < train.ItemCount; i++)
            {
                for (var k = train.ItemPtr[i]; k < train.ItemPtr[i + 1]; k++)
                {
                    byItem[k] -= means[i];
                }
            }

            for (var k = 0; k < byUser.Length; k++)
            {
                byUser[k] -= means[train.UserItems[k]];
            }
        }

        return (byUser, byItem);
    }

    /// <summary>The values of a binarised matrix: every stored entry counts as 1.</summary>
    internal static float[] Ones(int length)
    {
        var result = new float[length];
        result.AsSpan().Fill(1f);
        return result;
    }

    private static float[] RowMeans(int[] ptr, float[] values)
    {
        var means = new float[ptr.Length - 1];
        for (var r = 0; r < means.Length; r++)
        {
            var n = ptr[r + 1] - ptr[r];
            if (n > 0)
            {
                double s = 0;
                for (var k = ptr[r]; k < ptr[r + 1]; k++)
                {
                    s += values[k];
                }

                means[r] = (float)(s / n);
            }
        }

        return means;
    }
}
