namespace Dashboard.Recommender.Data;

/// <summary>
/// Immutable sparse user × item matrix, stored twice: CSR by user (rows) and CSC by item (columns),
/// with column indices sorted inside each row and row indices sorted inside each column.
/// Every algorithm fits on this type; nothing in it knows about tenants or storage.
/// </summary>
public sealed class InteractionMatrix
{
    private InteractionMatrix(
        int userCount, int itemCount,
        int[] userPtr, int[] userItems, float[] userValues,
        int[] itemPtr, int[] itemUsers, float[] itemValues,
        long[]? userTimestamps)
    {
        UserCount = userCount;
        ItemCount = itemCount;
        UserPtr = userPtr;
        UserItems = userItems;
        UserValues = userValues;
        ItemPtr = itemPtr;
        ItemUsers = itemUsers;
        ItemValues = itemValues;
        UserTimestamps = userTimestamps;
    }

    public int UserCount { get; }

    public int ItemCount { get; }

    public int NonZeroCount => UserItems.Length;

    /// <summary>CSR row pointers, length UserCount + 1.</summary>
    internal int[] UserPtr { get; }

    internal int[] UserItems { get; }

    internal float[] UserValues { get; }

    /// <summary>CSC column pointers, length ItemCount + 1.</summary>
    internal int[] ItemPtr { get; }

    internal int[] ItemUsers { get; }

    internal float[] ItemValues { get; }

    /// <summary>Timestamps aligned with the CSR arrays, or null when no input row had one.</summary>
    internal long[]? UserTimestamps { get; }

    public ReadOnlySpan<int> ItemsOf(int user) => UserItems.AsSpan(UserPtr[user], UserPtr[user + 1] - UserPtr[user]);

    public ReadOnlySpan<float> ValuesOf(int user) => UserValues.AsSpan(UserPtr[user], UserPtr[user + 1] - UserPtr[user]);

    public ReadOnlySpan<long> TimestampsOf(int user) =>
        UserTimestamps is null ? [] : UserTimestamps.AsSpan(UserPtr[user], UserPtr[user + 1] - UserPtr[user]);

    public ReadOnlySpan<int> UsersOf(int item) => ItemUsers.AsSpan(ItemPtr[item], ItemPtr[item + 1] - ItemPtr[item]);

    public ReadOnlySpan<float> ItemValuesOf(int item) => ItemValues.AsSpan(ItemPtr[item], ItemPtr[item + 1] - ItemPtr[item]);

    public int UserDegree(int user) => UserPtr[user + 1] - UserPtr[user];

    public int ItemDegree(int item) => ItemPtr[item + 1] - ItemPtr[item];

    /// <summary>True when the user has an entry for the item (binary search in the sorted row).</summary>
    public bool Contains(int user, int item) =>
        (uint)user < (uint)UserCount && ItemsOf(user).BinarySearch(item) >= 0;

    /// <summary>Mean of all stored values (0 for an empty matrix).</summary>
    public double GlobalMean()
    {
        if (UserValues.Length == 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (var v in UserValues)
        {
            sum += v;
        }

        return sum / UserValues.Length;
    }

    /// <summary>
    /// Builds the matrix from ratings whose indices are in [0, userCount) × [0, itemCount).
    /// Runs in O(nnz + users + items) with counting sorts; no comparison sort of the whole input.
    /// </summary>
    public static InteractionMatrix Build(
        ReadOnlySpan<Rating> ratings, int userCount, int itemCount, DuplicatePolicy duplicates = DuplicatePolicy.Last)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(userCount);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);

        var n = ratings.Length;
        var hasTime = false;
        var rowCount = new int[userCount + 1];
        for (var i = 0; i < n; i++)
        {
            var r = ratings[i];
            if ((uint)r.User >= (uint)userCount || (uint)r.Item >= (uint)itemCount)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(ratings), $"Rating {i} has ({r.User}, {r.Item}) outside {userCount} × {itemCount}.");
            }

            rowCount[r.User + 1]++;
            hasTime |= r.HasTimestamp;
        }

        for (var u = 0; u < userCount; u++)
        {
            rowCount[u + 1] += rowCount[u];
        }

        // Stable bucket by user, then sort each row by (item, input order) so "last" is well defined.
        var order = new int[n];
        var next = (int[])rowCount.Clone();
        for (var i = 0; i < n; i++)
        {
            order[next[ratings[i].User]++] = i;
        }

        var items = new int[n];
        var values = new float[n];
        var times = hasTime ? new long[n] : null;
        var ptr = new int[userCount + 1];
        var written = 0;
        var rowKeys = new List<long>();
        for (var u = 0; u < userCount; u++)
        {
            ptr[u] = written;
            rowKeys.Clear();
            for (var k = rowCount[u]; k < rowCount[u + 1]; k++)
            {
                var idx = order[k];
                rowKeys.Add(((long)ratings[idx].Item << 32) | (uint)idx);
            }

            rowKeys.Sort();
            for (var k = 0; k < rowKeys.Count; k++)
            {
                var idx = (int)(rowKeys[k] & 0xFFFFFFFF);
                var r = ratings[idx];
                if (written > ptr[u] && items[written - 1] == r.Item)
                {
                    var keepNew = duplicates == DuplicatePolicy.Sum
                        || times is null
                        || r.Timestamp >= times[written - 1];
                    if (duplicates == DuplicatePolicy.Sum)
                    {
                        values[written - 1] += r.Value;
                        if (times is not null)
                        {
                            times[written - 1] = Math.Max(times[written - 1], r.Timestamp);
                        }
                    }
                    else if (keepNew)
                    {
                        values[written - 1] = r.Value;
                        if (times is not null)
                        {
                            times[written - 1] = r.Timestamp;
                        }
                    }

                    continue;
                }

                items[written] = r.Item;
                values[written] = r.Value;
                if (times is not null)
                {
                    times[written] = r.Timestamp;
                }

                written++;
            }
        }

        ptr[userCount] = written;
        if (written < n)
        {
            Array.Resize(ref items, written);
            Array.Resize(ref values, written);
            if (times is not null)
            {
                Array.Resize(ref times, written);
            }
        }

        // Transpose to CSC; rows are visited in order so each column's users come out sorted.
        var colPtr = new int[itemCount + 1];
        foreach (var it in items)
        {
            colPtr[it + 1]++;
        }

        for (var i = 0; i < itemCount; i++)
        {
            colPtr[i + 1] += colPtr[i];
        }

        var colUsers = new int[written];
        var colValues = new float[written];
        var fill = (int[])colPtr.Clone();
        for (var u = 0; u < userCount; u++)
        {
            for (var k = ptr[u]; k < ptr[u + 1]; k++)
            {
                var dst = fill[items[k]]++;
                colUsers[dst] = u;
                colValues[dst] = values[k];
            }
        }

        return new InteractionMatrix(userCount, itemCount, ptr, items, values, colPtr, colUsers, colValues, times);
    }

    /// <summary>Enumerates the stored entries as ratings (row-major order).</summary>
    public Rating[] ToRatings()
    {
        var result = new Rating[NonZeroCount];
        for (var u = 0; u < UserCount; u++)
        {
            for (var k = UserPtr[u]; k < UserPtr[u + 1]; k++)
            {
                result[k] = new Rating(u, UserItems[k], UserValues[k], UserTimestamps?[k] ?? Rating.NoTimestamp);
            }
        }

        return result;
    }
}
