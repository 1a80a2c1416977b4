using System.Buffers;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Item-based k-nearest-neighbours (Sarwar et al. 2001; Koren 2008 for the baseline-adjusted form).
/// Explicit: r̂_ui = b_ui + Σ_j s_ij (r_uj − b_uj) / Σ_j s_ij over the k items most similar to i that the
/// user rated. Implicit: score = Σ_j s_ij over the same neighbours. The model keeps the user rows of
/// the training matrix because scoring reads the user's history. Fitting, the final prediction and the
/// saved layout are those of <see cref="KnnRecommenderBase"/>; this class gathers each candidate's
/// neighbours from the user's history.
/// </summary>
public sealed class ItemKnn : KnnRecommenderBase
{
    public const string AlgorithmName = "item-knn";

    public override string Name => AlgorithmName;

    public static ItemKnn Load(Stream stream) => Load(stream, new ItemKnn());

    /// <summary>The stored (shrunk) similarity of <paramref name="other"/> to <paramref name="item"/>; 0 when not a kept neighbour.</summary>
    internal float StoredSimilarity(int item, int other)
    {
        var ids = Neighbors.NeighborsOf(item);
        for (var n = 0; n < ids.Length; n++)
        {
            if (ids[n] == other)
            {
                return Neighbors.SimilaritiesOf(item)[n];
            }
        }

        return 0f;
    }

    /// <summary>The item's kept neighbours, most similar first, and their (shrunk) similarities.</summary>
    internal (ReadOnlyMemory<int> Ids, ReadOnlyMemory<float> Similarities) NeighborsWithSimilarities(int item)
    {
        var start = Neighbors.Pointers[item];
        var length = Neighbors.Pointers[item + 1] - start;
        return (Neighbors.Neighbors.AsMemory(start, length), Neighbors.Similarities.AsMemory(start, length));
    }

    private protected override bool ComparesItems => true;

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var history = ArrayPool<float>.Shared.Rent(ItemCount);
        try
        {
            var h = history.AsSpan(0, ItemCount);
            FillHistory(user, h);
            var userPart = UserPart(user);
            for (var c = 0; c < candidates.Length; c++)
            {
                scores[c] = IsKnownItem(candidates[c]) ? ScoreItem(userPart, candidates[c], h) : float.NaN;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(history);
        }
    }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        var history = ArrayPool<float>.Shared.Rent(ItemCount);
        try
        {
            var h = history.AsSpan(0, ItemCount);
            FillHistory(user, h);
            var userPart = UserPart(user);
            for (var i = 0; i < ItemCount; i++)
            {
                scores[i] = ScoreItem(userPart, i, h);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(history);
        }
    }

    /// <summary>
    /// Implicit mode: scores a history given by the caller (a known user's row plus events since
    /// training), each item worth its value, or 1 when the model was fitted binarised. Explicit mode
    /// needs the user's baseline, which a new row does not have, so it scores the stored row.
    /// </summary>
    internal void ScoreHistory(int user, ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> scores)
    {
        if (IsExplicit)
        {
            ScoreAll(user, scores);
            return;
        }

        var history = ArrayPool<float>.Shared.Rent(ItemCount);
        try
        {
            var h = history.AsSpan(0, ItemCount);
            h.Fill(float.NaN);
            for (var k = 0; k < items.Length; k++)
            {
                if (IsKnownItem(items[k]))
                {
                    h[items[k]] = Options.Binarize ? 1f : values[k];
                }
            }

            for (var i = 0; i < ItemCount; i++)
            {
                scores[i] = ScoreItem(0f, i, h);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(history);
        }
    }

    /// <summary>Dense view of the user's history: the residual (explicit) or value (implicit), NaN where unseen.</summary>
    private void FillHistory(int user, Span<float> history)
    {
        history.Fill(float.NaN);
        var baseUser = UserPart(user);
        for (var k = UserPtr[user]; k < UserPtr[user + 1]; k++)
        {
            var j = UserItems[k];
            history[j] = IsExplicit ? UserValues[k] - baseUser - ItemBias[j] : UserValues[k];
        }
    }

    /// <summary>Walks the item's neighbours, most similar first, and takes the first k the user rated.</summary>
    private float ScoreItem(float userPart, int item, ReadOnlySpan<float> history)
    {
        var ids = Neighbors.NeighborsOf(item);
        var sims = Neighbors.SimilaritiesOf(item);
        var k = Options.Neighbors;
        double num = 0, den = 0;
        var used = 0;
        for (var n = 0; n < ids.Length && used < k; n++)
        {
            var value = history[ids[n]];
            if (float.IsNaN(value))
            {
                continue;
            }

            num += sims[n] * value;
            den += sims[n];
            used++;
        }

        return Prediction(userPart, item, num, den, used);
    }
}
