using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Metrics of recommendation lists that are not about hitting held-out items: how much of the
/// catalogue is shown, how evenly, how novel and how diverse the lists are, and how well a list
/// mirrors the user's taste profile. Per-list functions take one list; the overloads over
/// <c>lists</c> average the per-list value over non-empty lists (NaN when there is none).
/// Popularity is an interaction count per item from the training data.
/// </summary>
public static class BeyondAccuracyMetrics
{
    /// <summary>Calibration smoothing of Steck (2018): q̃ = (1 − α)·q + α·p keeps the divergence finite.</summary>
    public const double DefaultCalibrationAlpha = 0.01;

    /// <summary>Share of the <paramref name="itemCount"/> catalogue items that appear in at least one list.</summary>
    public static double CatalogCoverage(IReadOnlyList<int[]> lists, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentOutOfRangeException.ThrowIfLessThan(itemCount, 1);
        var shown = new bool[itemCount];
        var distinct = 0;
        foreach (var list in lists)
        {
            foreach (var item in list)
            {
                if ((uint)item < (uint)itemCount && !shown[item])
                {
                    shown[item] = true;
                    distinct++;
                }
            }
        }

        return (double)distinct / itemCount;
    }

    /// <summary>
    /// Gini coefficient of item exposure (how many lists show each item) over the whole catalogue,
    /// items never shown included. 0 = every item shown equally often; the maximum is 1 − 1/itemCount,
    /// reached when one item takes all exposure. See <see cref="Gini"/> for the definition.
    /// </summary>
    public static double ExposureGini(IReadOnlyList<int[]> lists, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentOutOfRangeException.ThrowIfLessThan(itemCount, 1);
        var exposure = new double[itemCount];
        foreach (var list in lists)
        {
            foreach (var item in list)
            {
                if ((uint)item < (uint)itemCount)
                {
                    exposure[item]++;
                }
            }
        }

        return Gini(exposure);
    }

    /// <summary>
    /// Gini coefficient without the small-sample n/(n − 1) correction:
    /// G = Σᵢ (2i − n − 1)·x₍ᵢ₎ / (n·Σ x), with x sorted ascending and i = 1..n. Equivalently the
    /// mean absolute difference over all ordered pairs divided by twice the mean. All-zero input: 0.
    /// </summary>
    public static double Gini(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        double total = 0, weighted = 0;
        var n = sorted.Length;
        for (var i = 0; i < n; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(sorted[i], nameof(values));
            total += sorted[i];
            weighted += ((2.0 * (i + 1)) - n - 1) * sorted[i];
        }

        return total == 0 ? 0 : weighted / (n * total);
    }

    /// <summary>
    /// Intra-list diversity: 1 − the mean similarity over all unordered pairs of the list. Lists with
    /// fewer than two items have no pairs: NaN.
    /// </summary>
    public static double IntraListDiversity(ReadOnlySpan<int> list, Func<int, int, double> similarity)
    {
        ArgumentNullException.ThrowIfNull(similarity);
        if (list.Length < 2)
        {
            return double.NaN;
        }

        double sum = 0;
        for (var i = 0; i < list.Length; i++)
        {
            for (var j = i + 1; j < list.Length; j++)
            {
                sum += similarity(list[i], list[j]);
            }
        }

        var pairs = list.Length * (list.Length - 1) / 2.0;
        return 1 - (sum / pairs);
    }

    public static double IntraListDiversity(IReadOnlyList<int[]> lists, Func<int, int, double> similarity)
    {
        ArgumentNullException.ThrowIfNull(similarity);
        return MeanOverLists(lists, list => IntraListDiversity(list, similarity));
    }

    /// <summary>
    /// Novelty as mean self-information (Zhou et al., 2010): the mean over the list of
    /// −log2(popularity(i) / population), where population is the number of users, so an item every
    /// user has seen has novelty 0. An item nobody interacted with counts as seen once, which keeps
    /// the value finite.
    /// </summary>
    public static double Novelty(ReadOnlySpan<int> list, ReadOnlySpan<int> popularity, int population)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(population, 1);
        if (list.IsEmpty)
        {
            return double.NaN;
        }

        double sum = 0;
        foreach (var item in list)
        {
            var count = Math.Max(1, PopularityOf(item, popularity));
            sum -= Math.Log2((double)count / population);
        }

        return sum / list.Length;
    }

    public static double Novelty(IReadOnlyList<int[]> lists, int[] popularity, int population)
    {
        ArgumentNullException.ThrowIfNull(popularity);
        return MeanOverLists(lists, list => Novelty(list, popularity, population));
    }

    /// <summary>
    /// Average percentage of long-tail items (APLT, Abdollahpouri et al., 2019): the share of the list
    /// that is long tail according to <paramref name="isLongTail"/> (see <see cref="LongTail"/>).
    /// Items outside the flag array count as long tail (nobody interacted with them in training).
    /// </summary>
    public static double LongTailShare(ReadOnlySpan<int> list, ReadOnlySpan<bool> isLongTail)
    {
        if (list.IsEmpty)
        {
            return double.NaN;
        }

        var tail = 0;
        foreach (var item in list)
        {
            if ((uint)item >= (uint)isLongTail.Length || isLongTail[item])
            {
                tail++;
            }
        }

        return (double)tail / list.Length;
    }

    /// <summary>APLT: <see cref="LongTailShare(ReadOnlySpan{int}, ReadOnlySpan{bool})"/> averaged over lists.</summary>
    public static double AverageLongTailShare(IReadOnlyList<int[]> lists, bool[] isLongTail)
    {
        ArgumentNullException.ThrowIfNull(isLongTail);
        return MeanOverLists(lists, list => LongTailShare(list, isLongTail));
    }

    /// <summary>Mean training popularity (interaction count) of the items in the list.</summary>
    public static double AveragePopularity(ReadOnlySpan<int> list, ReadOnlySpan<int> popularity)
    {
        if (list.IsEmpty)
        {
            return double.NaN;
        }

        double sum = 0;
        foreach (var item in list)
        {
            sum += PopularityOf(item, popularity);
        }

        return sum / list.Length;
    }

    /// <summary>ARP (average recommendation popularity, Abdollahpouri et al., 2019): the per-list mean popularity averaged over lists.</summary>
    public static double AverageRecommendationPopularity(IReadOnlyList<int[]> lists, int[] popularity)
    {
        ArgumentNullException.ThrowIfNull(popularity);
        return MeanOverLists(lists, list => AveragePopularity(list, popularity));
    }

    /// <summary>
    /// Category distribution of a set of items (Steck, 2018): each item spreads a unit of mass
    /// evenly over its categories, and the result is normalised to sum to 1. Items without a category
    /// carry no mass; when no item has one, the destination is all zeros.
    /// </summary>
    public static void CategoryDistribution(ReadOnlySpan<int> items, ItemCategories categories, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(categories);
        if (destination.Length != categories.CategoryCount)
        {
            throw new ArgumentException($"The destination needs one slot per category ({categories.CategoryCount}).", nameof(destination));
        }

        destination.Clear();
        double mass = 0;
        foreach (var item in items)
        {
            var cats = categories.CategoriesOf(item);
            if (cats.IsEmpty)
            {
                continue;
            }

            var share = 1.0 / cats.Length;
            foreach (var c in cats)
            {
                destination[c] += share;
            }

            mass++;
        }

        if (mass > 0)
        {
            for (var c = 0; c < destination.Length; c++)
            {
                destination[c] /= mass;
            }
        }
    }

    /// <summary>
    /// Miscalibration of Steck (2018): KL(p ‖ q̃) = Σ p(g)·ln(p(g) / q̃(g)) with q̃ = (1 − α)·q + α·p,
    /// where p is the category distribution of the user's history and q that of the list. Natural
    /// logarithm; categories with p(g) = 0 contribute nothing; 0 means perfectly calibrated.
    /// </summary>
    public static double CalibrationKl(ReadOnlySpan<double> history, ReadOnlySpan<double> list, double alpha = DefaultCalibrationAlpha)
    {
        if (history.Length != list.Length)
        {
            throw new ArgumentException("Both distributions must cover the same categories.", nameof(list));
        }

        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be strictly between 0 and 1.");
        }

        double kl = 0;
        for (var g = 0; g < history.Length; g++)
        {
            var p = history[g];
            if (p <= 0)
            {
                continue;
            }

            var q = ((1 - alpha) * list[g]) + (alpha * p);
            kl += p * Math.Log(p / q);
        }

        return kl;
    }

    private static int PopularityOf(int item, ReadOnlySpan<int> popularity) =>
        (uint)item < (uint)popularity.Length ? popularity[item] : 0;

    private static double MeanOverLists(IReadOnlyList<int[]> lists, Func<int[], double> perList)
    {
        ArgumentNullException.ThrowIfNull(lists);
        double sum = 0;
        var count = 0;
        foreach (var list in lists)
        {
            var value = perList(list);
            if (!double.IsNaN(value))
            {
                sum += value;
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }
}
