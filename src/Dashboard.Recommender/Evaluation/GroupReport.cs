namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// List metrics per user group and their disparities: the building block of a bias audit. Groups
/// are ordered by name (ordinal) so reports are stable.
/// </summary>
public sealed record GroupReport(IReadOnlyList<GroupMetrics> Groups, IReadOnlyList<MetricDisparity> Disparities)
{
    private static readonly (string Name, Func<GroupMetrics, double> Value)[] Metrics =
    [
        ("Precision", g => g.Precision),
        ("Recall", g => g.Recall),
        ("NDCG", g => g.Ndcg),
        ("MAP", g => g.Map),
        ("MRR", g => g.Mrr),
        ("HitRate", g => g.HitRate),
    ];

    /// <summary>Groups the per-user results with <paramref name="groupOf"/> and computes means and disparities.</summary>
    public static GroupReport Create(IReadOnlyList<UserListMetrics> perUser, Func<int, string> groupOf)
    {
        ArgumentNullException.ThrowIfNull(perUser);
        ArgumentNullException.ThrowIfNull(groupOf);

        var members = new SortedDictionary<string, List<UserListMetrics>>(StringComparer.Ordinal);
        foreach (var u in perUser)
        {
            var group = groupOf(u.User) ?? throw new InvalidOperationException($"No group for user {u.User}.");
            if (!members.TryGetValue(group, out var list))
            {
                list = [];
                members.Add(group, list);
            }

            list.Add(u);
        }

        var groups = new List<GroupMetrics>(members.Count);
        foreach (var (name, users) in members)
        {
            double precision = 0, recall = 0, ndcg = 0, map = 0, mrr = 0, hits = 0;
            foreach (var u in users)
            {
                precision += u.Precision;
                recall += u.Recall;
                ndcg += u.Ndcg;
                map += u.AveragePrecision;
                mrr += u.ReciprocalRank;
                hits += u.Hit;
            }

            double n = users.Count;
            groups.Add(new GroupMetrics(name, users.Count, precision / n, recall / n, ndcg / n, map / n, mrr / n, hits / n));
        }

        var disparities = new List<MetricDisparity>(Metrics.Length);
        if (groups.Count > 0)
        {
            foreach (var (metric, value) in Metrics)
            {
                disparities.Add(Disparity(metric, value, groups));
            }
        }

        return new GroupReport(groups, disparities);
    }

    private static MetricDisparity Disparity(string metric, Func<GroupMetrics, double> value, List<GroupMetrics> groups)
    {
        var max = groups[0];
        var min = groups[0];
        foreach (var g in groups)
        {
            if (value(g) > value(max))
            {
                max = g;
            }

            if (value(g) < value(min))
            {
                min = g;
            }
        }

        var hi = value(max);
        var lo = value(min);
        return new MetricDisparity(metric, max.Group, hi, min.Group, lo, hi - lo, hi == 0 ? double.NaN : lo / hi);
    }
}
