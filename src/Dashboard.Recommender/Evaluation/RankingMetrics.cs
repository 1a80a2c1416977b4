namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Accuracy metrics of one user's ranked list against the set of items relevant to that user.
/// Conventions are the common ones (precision over k and recall over |relevant| as in Microsoft
/// Recommenders; AP@k over min(k, |relevant|) as in the widely used ml_metrics <c>apk</c>):
/// <list type="bullet">
/// <item>Only the first <c>k</c> entries of the list count; a list shorter than k is not padded, but
/// precision still divides by k, so a model that cannot fill its list is penalised.</item>
/// <item>Recall divides by |relevant| (not min(k, |relevant|)).</item>
/// <item>NDCG uses the log2(rank + 1) discount with rank starting at 1; the ideal list puts
/// min(k, |relevant|) relevant items first.</item>
/// <item>AP@k sums precision@i at every relevant rank i ≤ k and divides by min(k, |relevant|), so a
/// perfect top-k list scores 1 even when the user has more than k relevant items; MAP is its mean.</item>
/// <item>Reciprocal rank is 1 / rank of the first relevant item within the first k, else 0.</item>
/// </list>
/// The ranked list is assumed to hold distinct items, as <see cref="Algorithms.IRecommender.Recommend"/>
/// returns. With no relevant items the metrics are undefined and return NaN; evaluators skip such users.
/// </summary>
public static class RankingMetrics
{
    public static double PrecisionAt(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Validate(relevant, k);
        return relevant.Count == 0 ? double.NaN : (double)Hits(ranked, relevant, k) / k;
    }

    public static double RecallAt(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Validate(relevant, k);
        return relevant.Count == 0 ? double.NaN : (double)Hits(ranked, relevant, k) / relevant.Count;
    }

    /// <summary>1 when at least one relevant item is in the first k, else 0.</summary>
    public static double HitRateAt(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Validate(relevant, k);
        return relevant.Count == 0 ? double.NaN : Hits(ranked, relevant, k) > 0 ? 1 : 0;
    }

    /// <summary>NDCG@k with binary relevance.</summary>
    public static double NdcgAt(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Validate(relevant, k);
        if (relevant.Count == 0)
        {
            return double.NaN;
        }

        var length = Math.Min(k, ranked.Length);
        double dcg = 0;
        for (var i = 0; i < length; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                dcg += Discount(i);
            }
        }

        double ideal = 0;
        var idealLength = Math.Min(k, relevant.Count);
        for (var i = 0; i < idealLength; i++)
        {
            ideal += Discount(i);
        }

        return dcg / ideal;
    }

    /// <summary>
    /// NDCG@k with graded relevance and linear gain (gain = the grade, e.g. the held-out rating);
    /// items absent from <paramref name="grades"/> have gain 0. Grades must be non-negative.
    /// </summary>
    public static double GradedNdcgAt(ReadOnlySpan<int> ranked, IReadOnlyDictionary<int, double> grades, int k)
    {
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);

        var length = Math.Min(k, ranked.Length);
        double dcg = 0;
        for (var i = 0; i < length; i++)
        {
            if (grades.TryGetValue(ranked[i], out var grade))
            {
                dcg += grade * Discount(i);
            }
        }

        var sorted = new double[grades.Count];
        var at = 0;
        foreach (var grade in grades.Values)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(grade, nameof(grades));
            sorted[at++] = grade;
        }

        Array.Sort(sorted);
        double ideal = 0;
        for (var i = 0; i < Math.Min(k, sorted.Length); i++)
        {
            ideal += sorted[sorted.Length - 1 - i] * Discount(i);
        }

        return ideal > 0 ? dcg / ideal : double.NaN;
    }

    /// <summary>Average precision at k, normalised by min(k, |relevant|) (see the type remarks).</summary>
    public static double AveragePrecisionAt(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Validate(relevant, k);
        if (relevant.Count == 0)
        {
            return double.NaN;
        }

        var length = Math.Min(k, ranked.Length);
        var hits = 0;
        double sum = 0;
        for (var i = 0; i < length; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                hits++;
                sum += (double)hits / (i + 1);
            }
        }

        return sum / Math.Min(k, relevant.Count);
    }

    /// <summary>1 / (1-based rank of the first relevant item within the first k), or 0 when there is none.</summary>
    public static double ReciprocalRankAt(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Validate(relevant, k);
        if (relevant.Count == 0)
        {
            return double.NaN;
        }

        var length = Math.Min(k, ranked.Length);
        for (var i = 0; i < length; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>Discount of the 0-based position <paramref name="index"/>: 1 / log2(rank + 1) with rank = index + 1.</summary>
    private static double Discount(int index) => 1.0 / Math.Log2(index + 2);

    private static int Hits(ReadOnlySpan<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        var length = Math.Min(k, ranked.Length);
        var hits = 0;
        for (var i = 0; i < length; i++)
        {
            if (relevant.Contains(ranked[i]))
            {
                hits++;
            }
        }

        return hits;
    }

    private static void Validate(IReadOnlySet<int> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(relevant);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
    }
}
