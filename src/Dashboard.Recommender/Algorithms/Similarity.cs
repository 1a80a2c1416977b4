namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Plain similarity functions over two dense, aligned vectors (co-rated values). The neighbourhood
/// models compute the same quantities on sparse data (<see cref="SparseSimilarity"/>); these are the
/// reference definitions and are what the known-answer tests pin down.
/// </summary>
public static class Similarity
{
    /// <summary>a·b / (|a| |b|); 0 when either vector is all zeros.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        EnsureSameLength(a, b);
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }

        return aa == 0 || bb == 0 ? 0 : dot / Math.Sqrt(aa * bb);
    }

    /// <summary>Pearson correlation; 0 when either vector is constant.</summary>
    public static double Pearson(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        EnsureSameLength(a, b);
        if (a.Length == 0)
        {
            return 0;
        }

        double meanA = 0, meanB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }

        meanA /= a.Length;
        meanB /= b.Length;
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var da = a[i] - meanA;
            var db = b[i] - meanB;
            dot += da * db;
            aa += da * da;
            bb += db * db;
        }

        return aa == 0 || bb == 0 ? 0 : dot / Math.Sqrt(aa * bb);
    }

    /// <summary>
    /// Adjusted cosine of two item vectors: the cosine after subtracting from each entry the mean of the
    /// user who gave it (<paramref name="userMeans"/> aligned with the entries).
    /// </summary>
    public static double AdjustedCosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> userMeans)
    {
        EnsureSameLength(a, b);
        EnsureSameLength(a, userMeans);
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            double da = a[i] - userMeans[i];
            double db = b[i] - userMeans[i];
            dot += da * db;
            aa += da * da;
            bb += db * db;
        }

        return aa == 0 || bb == 0 ? 0 : dot / Math.Sqrt(aa * bb);
    }

    /// <summary>Koren's shrinkage: similarities supported by few co-rated entries move towards 0.</summary>
    public static double Shrink(double similarity, int support, double shrinkage) =>
        support == 0 ? 0 : similarity * support / (support + shrinkage);

    private static void EnsureSameLength<T1, T2>(ReadOnlySpan<T1> a, ReadOnlySpan<T2> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Vectors differ in length ({a.Length} vs {b.Length}).");
        }
    }
}
