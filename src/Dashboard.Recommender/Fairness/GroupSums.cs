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

        Parallel.For(0, groupCount * resamples, job =>
        {
            var g = job / resamples;
            var b = job % resamples;
            var group = members[g];
            if (group.Length == 0)
            {
                return;
            }

#pragma warning disable CA5394 // A reproducible draw is the point: audits must give the same interval for the same seed.
            var random = new Random(Mix(seed, attributeIndex, g, b));
            var sums = resampled[g].AsSpan(b * dimension, dimension);
            for (var i = 0; i < group.Length; i++)
            {
                features.AddTo(group[random.Next(group.Length)], sums);
            }
#pragma warning restore CA5394
        });

        return new GroupSums(point, resampled, dimension, resamples);
    }

    private static int Mix(int seed, int attribute, int group, int resample)
    {
        unchecked
        {
            var h = (uint)seed;
            h = (h ^ (uint)attribute) * 0x9E3779B1u;
            h = (h ^ (uint)group) * 0x85EBCA77u;
            h = (h ^ (uint)resample) * 0xC2B2AE3Du;
            return (int)(h ^ (h >> 16));
        }
    }
}
