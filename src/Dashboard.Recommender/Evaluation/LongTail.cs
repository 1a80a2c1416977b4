namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Splits the catalogue into a popular "short head" and the long tail (Abdollahpouri et al., 2019).
/// The head is the smallest set of most-popular items whose interactions add up to at least
/// <c>headShare</c> of all interactions (default 20 %); every other item, including items never
/// interacted with, is long tail. Popularity ties are broken by the lower item index so the split is
/// deterministic.
/// </summary>
public static class LongTail
{
    public const double DefaultHeadShare = 0.2;

    /// <summary>One flag per item: true when the item is in the long tail.</summary>
    public static bool[] Classify(ReadOnlySpan<int> popularity, double headShare = DefaultHeadShare)
    {
        if (!(headShare >= 0 && headShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(headShare), headShare, "The head share must be within [0, 1].");
        }

        long total = 0;

        // One sortable key per item: popularity descending in the high bits, item index ascending in the low.
        var keys = new long[popularity.Length];
        for (var item = 0; item < popularity.Length; item++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(popularity[item], nameof(popularity));
            total += popularity[item];
            keys[item] = ((long)(int.MaxValue - popularity[item]) << 32) | (uint)item;
        }

        Array.Sort(keys);

        var isTail = new bool[popularity.Length];
        Array.Fill(isTail, true);
        var threshold = headShare * total;
        long cumulative = 0;
        for (var i = 0; i < keys.Length && cumulative < threshold; i++)
        {
            var item = (int)(keys[i] & 0xFFFFFFFF);
            isTail[item] = false;
            cumulative += popularity[item];
        }

        return isTail;
    }
}
