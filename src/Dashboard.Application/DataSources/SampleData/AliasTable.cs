namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// Walker/Vose alias table: after O(n) set-up, draws an index with probability proportional to its
/// weight in O(1), which keeps sampling millions of users and items cheap.
/// </summary>
internal sealed class AliasTable
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    /// <summary>Builds the table; weights must be non-negative with a positive sum.</summary>
    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        if (n == 0)
        {
            throw new ArgumentException("At least one weight is needed.", nameof(weights));
        }

        var sum = 0.0;
        foreach (var w in weights)
        {
            if (w < 0 || double.IsNaN(w) || double.IsInfinity(w))
            {
                throw new ArgumentException("Weights must be finite and non-negative.", nameof(weights));
            }

            sum += w;
        }

        if (sum <= 0)
        {
            throw new ArgumentException("Weights must not all be zero.", nameof(weights));
        }

        _probability = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new int[n];
        var large = new int[n];
        int smallCount = 0, largeCount = 0;
        for (var i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1.0)
            {
                small[smallCount++] = i;
            }
            else
            {
                large[largeCount++] = i;
            }
        }

        while (smallCount > 0 && largeCount > 0)
        {
            var s = small[--smallCount];
            var l = large[--largeCount];
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            if (scaled[l] < 1.0)
            {
                small[smallCount++] = l;
            }
            else
            {
                large[largeCount++] = l;
            }
        }

        // Whatever is left is 1 up to rounding error; treating it as exactly 1 keeps every column valid.
        while (largeCount > 0)
        {
            var l = large[--largeCount];
            _probability[l] = 1.0;
            _alias[l] = l;
        }

        while (smallCount > 0)
        {
            var s = small[--smallCount];
            _probability[s] = 1.0;
            _alias[s] = s;
        }
    }

    /// <summary>Draws one index using two values from <paramref name="random"/>.</summary>
    public int Sample(Random random)
    {
        var column = random.Next(_probability.Length);
        return random.NextDouble() < _probability[column] ? column : _alias[column];
    }
}
