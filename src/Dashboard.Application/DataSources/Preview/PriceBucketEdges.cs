namespace Dashboard.Application.DataSources.Preview;

/// <summary>
/// Chooses readable price-histogram edges (multiples of 1, 2 and 5) for a range of prices. Prices are
/// usually log-normal, so a range spanning more than <see cref="LogScaleRatio"/>× gets log-spaced edges
/// (1, 2, 5, 10, 20 …) — linear buckets would put almost every item in the first bar. Free items
/// (price 0) get a first bucket of their own below the log-spaced ones.
/// </summary>
internal static class PriceBucketEdges
{
    internal const double LogScaleRatio = 20;
    private const int LinearBuckets = 10;
    private const double Cent = 0.01;
    private static readonly double[] Steps = [1, 2, 5];

    /// <summary>Edges e0 ≤ min and the last ≥ max, ascending; bucket b holds prices in [e_b, e_{b+1}).</summary>
    /// <param name="min">The lowest price.</param>
    /// <param name="max">The highest price.</param>
    /// <param name="minPositive">The lowest price above zero; null when no price is.</param>
    public static decimal[] Compute(double min, double max, double? minPositive)
    {
        if (max <= min)
        {
            return [ToCents(min), ToCents(max)];
        }

        var edges = new List<double>();
        if (minPositive is > 0 && max / minPositive.Value > LogScaleRatio)
        {
            var edge = NiceAtOrBelow(minPositive.Value);
            if (min < edge)
            {
                edges.Add(min);
            }

            edges.Add(edge);
            while (edge <= max)
            {
                edge = NextNice(edge);
                edges.Add(edge);
            }
        }
        else
        {
            var width = Math.Max(Cent, NiceAtOrAbove((max - min) / LinearBuckets));
            var start = Math.Floor(min / width) * width;
            for (var i = 0; edges.Count == 0 || edges[^1] <= max; i++)
            {
                edges.Add(start + (i * width));
            }
        }

        return [.. edges.Select(ToCents)];
    }

    private static decimal ToCents(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);

    private static double NiceAtOrBelow(double value)
    {
        var decade = Math.Pow(10, Math.Floor(Math.Log10(value)));
        var best = decade;
        foreach (var step in Steps)
        {
            if (step * decade <= value * (1 + 1e-9))
            {
                best = step * decade;
            }
        }

        return best;
    }

    private static double NiceAtOrAbove(double value)
    {
        var decade = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in Steps)
        {
            if (step * decade >= value * (1 - 1e-9))
            {
                return step * decade;
            }
        }

        return 10 * decade;
    }

    private static double NextNice(double nice)
    {
        var decade = Math.Pow(10, Math.Floor(Math.Log10(nice) + 1e-9));
        var mantissa = Math.Round(nice / decade);
        return mantissa switch
        {
            1 => 2 * decade,
            2 => 5 * decade,
            _ => 10 * decade,
        };
    }
}
