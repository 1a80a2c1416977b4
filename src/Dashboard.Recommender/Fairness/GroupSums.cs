namespace Dashboard.Recommender.Fairness;

/// <summary>
/// Per-group sums of <see cref="UserFeatures"/> for one attribute: the point sums over each group's
/// members and, for each bootstrap resample, the sums over members drawn with replacement within the
/// group (per-group, i.e. stratified, resampling keeps every group's size fixed).
/// </summary>
internal sealed class GroupSums
{
    private GroupSums(double[][] point, double[][] resampled, int dimension, int resamples)
    {
        Point = point;
        Resampled = resampled;
        Dimension = dimension;
        Resamples = resamples;
    }

    /// <summary>Point[g][i]: sum of feature i over group g.</summary>
    public double[][] Point { get; }

    /// <summary>Resampled[g][b · Dimension + i]: sum of feature i over resample b of group g.</summary>
    public double[][] Resampled { get; }

    public int Dimension { get; }

    public int Resamples { get; }

    public ReadOnlySpan<double> Of(int group, int resample) => Resampled[group].AsSpan(resample * Dimension, Dimension);

    public static GroupSums Compute(UserFeatures features, SensitiveFeature attribute, int attributeIndex, int resamples, int seed)
    {
        var groupCount = attribute.Groups.Count;
        var dimension = features.Dimension;
        var counts = new int[groupCount];
        for (var u = 0; u < attribute.GroupOfUser.Length; u++)
        {
            var g = attribute.GroupOfUser[u];
            if (g >= 0 && features.IsPresent(u))
            {
                counts[g]++;
            }
        }

        var members = new int[groupCount][];
        for (var g = 0; g < groupCount; g++)
        {
            members[g] = new int[counts[g]];
        }

        var filled = new int[groupCount];
        var point = new double[groupCount][];
        for (var g = 0; g < groupCount; g++)
        {
            point[g] = new double[dimension];
        }

        for (var u = 0; u < attribute.GroupOfUser.Length; u++)
        {
            var g = attribute.GroupOfUser[u];
            if (g >= 0 && features.IsPresent(u))
            {
                members[g][filled[g]++] = u;
                features.AddTo(u, point[g]);
            }
        }

        var resampled = new double[groupCount][];
        for (var g = 0; g < groupCount; g++)
        {
            resampled[g] = new double[resamples * dimension];
        }

        // A resample is drawn as how often each member is picked, then the rows are added in member
        // (so memory) order: the same sums as adding the picks one by one, without a cache miss per pick.
        Parallel.For(0, groupCount * resamples, () => Array.Empty<int>(), (job, _, picks) =>
        {
            var g = job / resamples;
            var b = job % resamples;
            var group = members[g];
            if (group.Length == 0)
            {
                return picks;
            }

            if (picks.Length < group.Length)
            {
                picks = new int[group.Length];
            }

            Array.Clear(picks, 0, group.Length);
            var state = Mix(seed, attributeIndex, g, b);
            for (var i = 0; i < group.Length; i++)
            {
                picks[Below(ref state, group.Length)]++;
            }

            var sums = resampled[g].AsSpan(b * dimension, dimension);
            for (var i = 0; i < group.Length; i++)
            {
                if (picks[i] > 0)
                {
                    features.AddTo(group[i], sums, picks[i]);
                }
            }

            return picks;
        }, _ => { });

        return new GroupSums(point, resampled, dimension, resamples);
    }

    /// <summary>Start state of one resample's stream, distinct for each (seed, attribute, group, resample).</summary>
    private static ulong Mix(int seed, int attribute, int group, int resample)
    {
        var state = (ulong)(uint)seed;
        state = SplitMix(ref state) ^ (uint)attribute;
        state = SplitMix(ref state) ^ (uint)group;
        state = SplitMix(ref state) ^ (uint)resample;
        return state;
    }

    /// <summary>A uniform draw in [0, n) by Lemire's multiply-shift on the high 32 bits of SplitMix64.</summary>
    private static int Below(ref ulong state, int n) => (int)(((SplitMix(ref state) >> 32) * (ulong)n) >> 32);

    /// <summary>SplitMix64 (Steele et al., 2014): fast, seedable, identical on every platform and runtime.</summary>
    private static ulong SplitMix(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
