using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Data;

/// <summary>
/// Seeded generator of ratings-only data at any size, for the engine's scale benchmark (Dashboard.Bench
/// <c>scale</c>): item popularity follows a Zipf law (a few blockbusters, a long tail), user activity is
/// skewed too, and each rating is 3 + user bias + item bias + a low-rank taste match + noise, rounded to
/// 1–5. Repeated (user, item) draws are kept as separate rows; build the matrix with
/// <see cref="DuplicatePolicy.Last"/> to merge them.
/// </summary>
/// <remarks>
/// Not the product's sample data (SampleDataGenerator in Dashboard.Application), which builds a whole
/// demo tenant — end-users with attributes, a catalogue, a view-to-purchase funnel with timestamps and a
/// planted bias — as entities to store. This one produces only an engine <see cref="Dataset"/>, cheaply
/// enough for ten million ratings, so fit times can be measured at sizes no demo tenant has.
/// </remarks>
public static class ScaleBenchmarkRatings
{
    public static Dataset Generate(int users, int items, int interactions, int seed, int factors = 8, double zipfExponent = 0.9)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(users, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(interactions);
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        var random = new Random(seed);
        var userTaste = Gaussian(users * factors, 1.0 / Math.Sqrt(factors), random);
        var itemTaste = Gaussian(items * factors, 1.0 / Math.Sqrt(factors), random);
        var userBias = Gaussian(users, 0.4, random);
        var itemBias = Gaussian(items, 0.5, random);
        var itemCdf = ZipfCdf(items, zipfExponent);
        var userCdf = ZipfCdf(users, 0.5);

        // Shuffle ranks to ids so popular items and heavy users are not simply the low ids.
        var itemOfRank = Permutation(items, random);
        var userOfRank = Permutation(users, random);
        var ratings = new Rating[interactions];
        const long start = 1_600_000_000;
        for (var n = 0; n < interactions; n++)
        {
            var u = userOfRank[Sample(userCdf, random)];
            var i = itemOfRank[Sample(itemCdf, random)];
            var match = 0.0;
            for (var f = 0; f < factors; f++)
            {
                match += userTaste[(u * factors) + f] * itemTaste[(i * factors) + f];
            }

            var value = 3 + userBias[u] + itemBias[i] + (1.5 * match) + (0.5 * NormalDraw.Next(random));
            var rating = (float)Math.Clamp(Math.Round(value), 1, 5);
            ratings[n] = new Rating(u, i, rating, start + (n * 60L));
        }

        return new Dataset(
            new IdMap(Enumerable.Range(0, users).Select(x => $"u{x}")),
            new IdMap(Enumerable.Range(0, items).Select(x => $"i{x}")),
            ratings);
    }

    private static double[] Gaussian(int count, double stdDev, Random random)
    {
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = stdDev * NormalDraw.Next(random);
        }

        return result;
    }

    private static double[] ZipfCdf(int count, double exponent)
    {
        var cdf = new double[count];
        double total = 0;
        for (var r = 0; r < count; r++)
        {
            total += 1.0 / Math.Pow(r + 1, exponent);
            cdf[r] = total;
        }

        for (var r = 0; r < count; r++)
        {
            cdf[r] /= total;
        }

        return cdf;
    }

    private static int Sample(double[] cdf, Random random)
    {
        var index = Array.BinarySearch(cdf, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cdf.Length - 1);
    }

    private static int[] Permutation(int count, Random random)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        return order;
    }
}
