using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Ratings bucketed into a strata × strata grid for DSGD: block (g, h) holds the ratings whose user is
/// in user group g and whose item is in item group h. Groups come from a seeded random assignment so
/// blocks are balanced whatever the id order. Arrays are structure-of-arrays, contiguous per block.
/// Inside a block the ratings of one user form a contiguous run. Each epoch visits the runs of a block in
/// a freshly shuffled order (and a run forwards or backwards by epoch parity) rather than shuffling single
/// ratings: consecutive updates then share the user's factor row, which stays in cache — a rating-level
/// shuffle made every update a cache miss on large data (3× the CPU time at 10M ratings).
/// </summary>
internal sealed class RatingGrid
{
    /// <summary>Four cache lines of item ids and four of values.</summary>
    private const int PrefetchedRatings = 64;

    private RatingGrid(int[] blockStart, int[] items, float[] values, int[] blockRuns, int[] runStart, int[] runUser)
    {
        BlockStart = blockStart;
        Items = items;
        Values = values;
        BlockRuns = blockRuns;
        RunStart = runStart;
        RunUser = runUser;
        RunOrder = new int[runUser.Length];
        for (var run = 0; run < RunOrder.Length; run++)
        {
            RunOrder[run] = run;
        }
    }

    /// <summary>Offsets of the blocks (row-major over (user group, item group)), length strata² + 1.</summary>
    public int[] BlockStart { get; }

    public int[] Items { get; }

    public float[] Values { get; }

    /// <summary>Offsets into <see cref="RunOrder"/> per block, length strata² + 1.</summary>
    public int[] BlockRuns { get; }

    /// <summary>First rating of each user run; the last entry is the rating count.</summary>
    public int[] RunStart { get; }

    /// <summary>The user of each run: one id per run rather than one per rating.</summary>
    public int[] RunUser { get; }

    /// <summary>The order in which runs are visited, shuffled within each block's range every epoch.</summary>
    public int[] RunOrder { get; }

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

        // Users were visited in ascending order, so within each block one user's ratings are adjacent.
        var blockRuns = new int[blocks + 1];
        var runStart = new List<int>();
        var runUser = new List<int>();
        for (var b = 0; b < blocks; b++)
        {
            blockRuns[b] = runStart.Count;
            for (var r = start[b]; r < start[b + 1]; r++)
            {
                if (r == start[b] || users[r] != users[r - 1])
                {
                    runStart.Add(r);
                    runUser.Add(users[r]);
                }
            }
        }

        blockRuns[blocks] = runStart.Count;
        runStart.Add(n);
        return new RatingGrid(start, items, values, blockRuns, [.. runStart], [.. runUser]);
    }

    /// <summary>
    /// Visits every rating of <paramref name="block"/> in this epoch's order: runs shuffled by a seed derived
    /// from (seed, epoch, block) — independent of the thread that runs the block — and each run forwards on
    /// even epochs, backwards on odd ones. The runs sit at random places in memory and so do their users'
    /// factor rows, which on large data (200k users × 128 factors is 100 MB) are cache misses that stall
    /// every run's first update. So while one run is updated, the next run's ratings and its user's
    /// parameters (<see cref="IRatingVisitor.PrefetchUser"/>) are prefetched, and the run after that has its
    /// offsets prefetched so that this lookup does not stall either. Prefetching changes no value or order.
    /// </summary>
    public void ForEach<TVisitor>(int block, int seed, int epoch, ref TVisitor visitor)
        where TVisitor : struct, IRatingVisitor
    {
        var first = BlockRuns[block];
        var last = BlockRuns[block + 1];
        var random = new Random(DeriveSeed(seed, epoch, block));
        for (var k = last - 1; k > first; k--)
        {
            var j = first + random.Next(k - first + 1);
            (RunOrder[k], RunOrder[j]) = (RunOrder[j], RunOrder[k]);
        }

        var backwards = (epoch & 1) == 1;
        for (var k = first; k < last; k++)
        {
            if (k + 2 < last)
            {
                var later = RunOrder[k + 2];
                CachePrefetch.Range(RunStart, later, 2);
                CachePrefetch.Range(RunUser, later, 1);
            }

            if (k + 1 < last)
            {
                PrefetchRun(RunOrder[k + 1], backwards, ref visitor);
            }

            var run = RunOrder[k];
            var user = RunUser[run];
            var from = RunStart[run];
            var to = RunStart[run + 1];
            if (backwards)
            {
                for (var r = to - 1; r >= from; r--)
                {
                    visitor.Visit(user, Items[r], Values[r]);
                }
            }
            else
            {
                for (var r = from; r < to; r++)
                {
                    visitor.Visit(user, Items[r], Values[r]);
                }
            }
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

    /// <summary>
    /// The first ratings the run will visit (the hardware prefetcher follows a long run on its own) and
    /// the run's user parameters.
    /// </summary>
    private void PrefetchRun<TVisitor>(int run, bool backwards, ref TVisitor visitor)
        where TVisitor : struct, IRatingVisitor
    {
        var from = RunStart[run];
        var count = Math.Min(RunStart[run + 1] - from, PrefetchedRatings);
        var at = backwards ? RunStart[run + 1] - count : from;
        CachePrefetch.Range(Items, at, count);
        CachePrefetch.Range(Values, at, count);
        visitor.PrefetchUser(RunUser[run]);
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
