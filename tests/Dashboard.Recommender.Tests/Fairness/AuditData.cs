using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Fairness;

namespace Dashboard.Recommender.Tests.Fairness;

/// <summary>Builders shared by the fairness tests: per-user metrics from a list and its relevant items.</summary>
internal static class AuditData
{
    public static UserListMetrics Metrics(int user, int[] list, int[] relevant, int k)
    {
        return UserListMetrics.Measure(user, list, new HashSet<int>(relevant), k);
    }

    /// <summary>
    /// Four items: 0 and 1 are Books, 2 and 3 Electronics; popularity [10, 6, 3, 1], so with a 20 %
    /// head share the head is item 0 alone (10 ≥ 0.2 · 20) and items 1–3 are long tail. Users 0 and 1
    /// are in region A, 2 and 3 in region B; lists of two:
    /// u0 [0, 2] relevant {0}; u1 [1, 0] relevant {0, 3}; u2 [0, 1] relevant {2}; u3 [2, 3] relevant {2}.
    /// Histories: u0 [0, 1], u1 [2], u2 none, u3 [2, 0]. Events (0 = add-to-cart, 1 = purchase, 2 = view):
    /// u0 carts item 2 twice and buys it once; u1 carts item 3 twice without buying and carts and buys
    /// item 0; u2 carts item 2 twice, buys it twice and views item 1; u3 carts item 3 twice, buys it
    /// once and carts item 1 without buying.
    /// </summary>
    public static FairnessAuditInput HandMade()
    {
        const int k = 2;
        var categories = ItemCategories.Create(2, [[0], [0], [1], [1]], ["Books", "Electronics"]);
        UserListMetrics[] users =
        [
            Metrics(0, [0, 2], [0], k),
            Metrics(1, [1, 0], [0, 3], k),
            Metrics(2, [0, 1], [2], k),
            Metrics(3, [2, 3], [2], k),
        ];
        int[][] history = [[0, 1], [2], [], [2, 0]];
        var events = new OutcomeEvents(
            Users: [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3],
            Items: [2, 2, 2, 3, 3, 0, 0, 2, 2, 2, 2, 1, 3, 3, 3, 1],
            Kinds: [0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 2, 0, 0, 1, 0],
            FunnelKind: 0,
            ConversionKind: 1,
            FunnelName: "add-to-cart",
            ConversionName: "purchase");
        return new FairnessAuditInput(4, users, history, [10, 6, 3, 1], categories, events);
    }

    public static SensitiveFeature Region() => new("region", ["A", "B"], [0, 0, 1, 1]);

    public static FairnessThresholds SmallGroups => new() { MinGroupSize = 1 };

    public static FairnessAuditOptions Options => new(K: 2, Resamples: 50, Seed: 7);
}
