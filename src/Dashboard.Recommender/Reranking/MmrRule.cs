using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Reranking;

/// <summary>
/// Maximal marginal relevance (Carbonell and Goldstein, 1998). Greedily picks, up to the context's
/// list length, the item maximising λ·relevance − (1 − λ)·max similarity to the items already
/// picked; the rest keep their order behind the picks. Relevance is the score min–max scaled to
/// [0, 1] over the list, so it is comparable with a similarity in [0, 1] whatever the model's score
/// scale. λ = 1 keeps the score order; λ = 0 picks the best item and then only avoids redundancy.
/// Ties go to the earlier item. Cost: O(length · list size) similarity calls.
/// </summary>
public sealed class MmrRule : IRerankRule
{
    private readonly Func<int, int, double> _similarity;

    public MmrRule(Func<int, int, double> similarity, double lambda)
    {
        ArgumentNullException.ThrowIfNull(similarity);
        if (!(lambda >= 0 && lambda <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "Lambda must be within [0, 1].");
        }

        _similarity = similarity;
        Lambda = lambda;
    }

    public double Lambda { get; }

    public RerankStage Stage => RerankStage.Select;

    public void Apply(List<ScoredItem> items, RerankContext context)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(context);
        var count = items.Count;
        var picks = Math.Min(context.Length, count);
        if (picks <= 1)
        {
            return;
        }

        var relevance = ScaledScores(items);

        // maxSimilarity[i]: similarity of candidate i to its nearest already-picked item.
        var maxSimilarity = new double[count];
        var picked = new bool[count];
        var order = new List<ScoredItem>(count);
        for (var step = 0; step < picks; step++)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < count; i++)
            {
                if (picked[i])
                {
                    continue;
                }

                var value = (Lambda * relevance[i]) - ((1 - Lambda) * maxSimilarity[i]);
                if (value > bestValue)
                {
                    best = i;
                    bestValue = value;
                }
            }

            picked[best] = true;
            order.Add(items[best]);
            for (var i = 0; i < count; i++)
            {
                if (!picked[i])
                {
                    maxSimilarity[i] = Math.Max(maxSimilarity[i], _similarity(items[i].Item, items[best].Item));
                }
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (!picked[i])
            {
                order.Add(items[i]);
            }
        }

        items.Clear();
        items.AddRange(order);
    }

    private static double[] ScaledScores(List<ScoredItem> items)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var s in items)
        {
            if (!float.IsNaN(s.Score))
            {
                min = Math.Min(min, s.Score);
                max = Math.Max(max, s.Score);
            }
        }

        var range = max - min;
        var scaled = new double[items.Count];
        for (var i = 0; i < scaled.Length; i++)
        {
            var score = items[i].Score;
            scaled[i] = float.IsNaN(score) ? 0 : range > 0 ? (score - min) / range : 1;
        }

        return scaled;
    }
}
