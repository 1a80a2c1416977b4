using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Fairness;

namespace Dashboard.Recommender.Tests.Fairness;

/// <summary>
/// A seeded synthetic audit: 900 end-users in three regions (user u in region u mod 3), 40 items in
/// four categories of ten (item i in category i / 10), lists of ten distinct items drawn category by
/// category, two relevant and five history items at random, and ten add-to-cart events per user, each
/// followed by a purchase with probability ½. With <c>planted</c>, North's lists pick Electronics with
/// probability 0.06 instead of ¼ (a share ratio near 0.24) and North buys Electronics after a cart
/// with probability 0.15, 30 % of the others' rate.
/// </summary>
internal static class PlantedBiasData
{
    public const int North = 0;
    public const int Electronics = 1;
    private const int Users = 900;
    private const int Categories = 4;
    private const int PerCategory = 10;
    private const int K = 10;

    public static (FairnessAuditInput Input, SensitiveFeature Region) Generate(bool planted, int seed = 12)
    {
        var random = new Random(seed);
        var itemCount = Categories * PerCategory;
        var categoryOf = new int[itemCount];
        var popularity = new int[itemCount];
        for (var i = 0; i < itemCount; i++)
        {
            categoryOf[i] = i / PerCategory;
            popularity[i] = 1 + random.Next(100);
        }

        var categories = ItemCategories.Create(Categories, [.. categoryOf.Select(c => (IReadOnlyCollection<int>)[c])], ["Books", "Electronics", "Garden", "Toys"]);
        var region = new int[Users];
        var users = new List<UserListMetrics>(Users);
        var history = new int[Users][];
        var eventUsers = new List<int>();
        var eventItems = new List<int>();
        var eventKinds = new List<int>();
        for (var u = 0; u < Users; u++)
        {
            region[u] = u % 3;
            var biased = planted && region[u] == North;
            var list = new List<int>(K);
            while (list.Count < K)
            {
                var category = biased ? PickAvoiding(random) : random.Next(Categories);
                var item = (category * PerCategory) + random.Next(PerCategory);
                if (!list.Contains(item))
                {
                    list.Add(item);
                }
            }

            users.Add(AuditData.Metrics(u, [.. list], [random.Next(itemCount), random.Next(itemCount)], K));
            history[u] = [.. Enumerable.Range(0, 5).Select(_ => random.Next(itemCount))];
            for (var e = 0; e < 10; e++)
            {
                var item = random.Next(itemCount);
                eventUsers.Add(u);
                eventItems.Add(item);
                eventKinds.Add(0);
                var buy = biased && categoryOf[item] == Electronics ? 0.15 : 0.5;
                if (random.NextDouble() < buy)
                {
                    eventUsers.Add(u);
                    eventItems.Add(item);
                    eventKinds.Add(1);
                }
            }
        }

        var events = new OutcomeEvents([.. eventUsers], [.. eventItems], [.. eventKinds], 0, 1, "add-to-cart", "purchase");
        return (new FairnessAuditInput(Users, users, history, popularity, categories, events),
            new SensitiveFeature("region", ["North", "South", "West"], region));
    }

    /// <summary>Electronics with probability 0.06, the other three categories share the rest equally.</summary>
    private static int PickAvoiding(Random random)
    {
        if (random.NextDouble() < 0.06)
        {
            return Electronics;
        }

        int[] others = [0, 2, 3];
        return others[random.Next(3)];
    }
}
