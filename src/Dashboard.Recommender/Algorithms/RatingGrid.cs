using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Ratings bucketed into a strata × strata grid for DSGD: block (g, h) holds the ratings whose user is
/// in user group g and whose item is in item group h. Groups come from a seeded random assignment so
/// blocks are balanced whatever the id order. Arrays are structure-of-arrays, contiguous per block.
/// </summary>
internal sealed class RatingGrid
{
    private RatingGrid(int[] blockStart, int[] users, int[] items, float[] values)
    {
        BlockStart = blockStart;
        Users = users;
        Items = items;
        Values = values;
    }

    /// <summary>Offsets of the blocks (row-major over (user group, item group)), length strata² + 1.</summary>
    public int[] BlockStart { get; }

    public int[] Users { get; }

    public int[] Items { get; }

    public float[] Values { get; }

    public static RatingGrid Build(InteractionMatrix train, int strata, Random random)
    {
        var userGroup = RandomGroups(train.UserCount, strata, random);
        var itemGroup = RandomGroups(train.ItemCount, strata, random);
        var blocks = strata * strata;
        var start = new int[blocks + 1];
        for (var u = 0; u < train.UserCount; u++)
        {
            foreach (var i in train.ItemsOf(u))
            {
                start[(userGroup[u] * strata) + itemGroup[i] + 1]++;
            }
        }

        for (var b = 0; b < blocks; b++)
        {
            start[b + 1] += start[b];
        }

        var fill = (int[])start.Clone();
        var n = train.NonZeroCount;
        var users = new int[n];
        var items = new int[n];
        var values = new float[n];
        for (var u = 0; u < train.UserCount; u++)
        {
            var row = train.ItemsOf(u);
            var vals = train.ValuesOf(u);
            for (var k = 0; k < row.Length; k++)
            {
                var dst = fill[(userGroup[u] * strata) + itemGroup[row[k]]]++;
                users[dst] = u;
                items[dst] = row[k];
                values[dst] = vals[k];
            }
        }

        return new RatingGrid(start, users, items, values);
    }

    /// <summary>
    /// Fisher–Yates shuffle of one block in place, seeded by (seed, epoch, block) so the visiting order
    /// does not depend on which thread runs the block or when.
    /// </summary>
    public void Shuffle(int block, int seed, int epoch)
    {
        var random = new Random(DeriveSeed(seed, epoch, block));
        var start = BlockStart[block];
        for (var k = BlockStart[block + 1] - 1; k > start; k--)
        {
            var j = start + random.Next(k - start + 1);
            (Users[k], Users[j]) = (Users[j], Users[k]);
            (Items[k], Items[j]) = (Items[j], Items[k]);
            (Values[k], Values[j]) = (Values[j], Values[k]);
        }
    }

    /// <summary>
    /// SplitMix64-style mixing; HashCode.Combine is randomised per process and would break reproducibility.
    /// </summary>
    internal static int DeriveSeed(int seed, int a, int b)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)a << 32) ^ (uint)b;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) & int.MaxValue);
        }
    }

    private static int[] RandomGroups(int count, int strata, Random random)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        var group = new int[count];
        for (var rank = 0; rank < count; rank++)
        {
            group[order[rank]] = rank % strata;
        }

        return group;
    }
}
