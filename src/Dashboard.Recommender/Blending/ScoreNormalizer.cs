namespace Dashboard.Recommender.Blending;

/// <summary>Applies a <see cref="ScoreNormalization"/> to one user's catalogue-wide score vector in place.</summary>
internal static class ScoreNormalizer
{
    public static void Normalize(Span<float> scores, ScoreNormalization normalization)
    {
        switch (normalization)
        {
            case ScoreNormalization.None:
                return;
            case ScoreNormalization.ZScore:
                ZScore(scores);
                return;
            case ScoreNormalization.Rank:
                Rank(scores);
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown score normalisation.");
        }
    }

    private static void ZScore(Span<float> scores)
    {
        double sum = 0;
        var count = 0;
        foreach (var s in scores)
        {
            if (!float.IsNaN(s))
            {
                sum += s;
                count++;
            }
        }

        if (count == 0)
        {
            return;
        }

        var mean = sum / count;
        double squares = 0;
        foreach (var s in scores)
        {
            if (!float.IsNaN(s))
            {
                squares += (s - mean) * (s - mean);
            }
        }

        var std = Math.Sqrt(squares / count);
        for (var i = 0; i < scores.Length; i++)
        {
            if (!float.IsNaN(scores[i]))
            {
                scores[i] = std > 0 ? (float)((scores[i] - mean) / std) : 0f;
            }
        }
    }

    private static void Rank(Span<float> scores)
    {
        var sorted = new float[scores.Length];
        var count = 0;
        foreach (var s in scores)
        {
            if (!float.IsNaN(s))
            {
                sorted[count++] = s;
            }
        }

        if (count == 0)
        {
            return;
        }

        var known = sorted.AsSpan(0, count);
        known.Sort();
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            if (float.IsNaN(s))
            {
                continue;
            }

            if (count == 1)
            {
                scores[i] = 1f;
                continue;
            }

            // Items at 0-based positions [lower, upper) share the value; their mean 1-based rank is (lower + 1 + upper) / 2.
            var lower = LowerBound(known, s);
            var upper = UpperBound(known, s);
            scores[i] = (float)((lower + upper - 1) / (2.0 * (count - 1)));
        }
    }

    private static int LowerBound(ReadOnlySpan<float> sorted, float value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(ReadOnlySpan<float> sorted, float value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
