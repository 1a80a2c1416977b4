using System.Globalization;
using Dashboard.Recommender.Fairness;
using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Fairness;

/// <summary>
/// A seeded shop for audit snapshots: 100 items in four categories of 25 (Books, Electronics, Garden, Toys;
/// item i in category i / 25, popularity within a category falling as 1 / (rank + 1)) and 600 end-users (unless told otherwise) in three
/// regions (end-user u in region u mod 3; every tenth has no age band). Each end-user has 30 views a day apart:
/// a view of an item from their favourite category half the time, from any category otherwise; a quarter of the
/// views are followed by an add-to-cart, half the carts by a purchase. With <c>planted</c>, North's
/// Electronics views are mostly dropped (four in five are redrawn from another category) and North buys
/// Electronics after a cart with probability 0.15, 30 % of the others' rate — the bias the demo carries.
/// </summary>
internal static class SnapshotShopData
{
    public const int Users = 600;
    public const int Items = 100;
    private const int PerCategory = 25;
    private static readonly string[] CategoryNames = ["Books", "Electronics", "Garden", "Toys"];
    private static readonly string[] Regions = ["North", "South", "West"];
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static BlendSpec Spec { get; } = BlendSpec.Default with
    {
        Components =
        [
            new ComponentSpec(ComponentKind.Ease, 0.6, new Dictionary<string, string> { ["lambda"] = "5" }),
            new ComponentSpec(ComponentKind.ItemKnn, 0.3),
            new ComponentSpec(ComponentKind.Popularity, 0.1),
        ],
    };

    public static string UserId(int u) => "end-user-" + u.ToString("000", CultureInfo.InvariantCulture);

    public static string ItemId(int i) => "sku-" + i.ToString("00", CultureInfo.InvariantCulture);

    public static TrainingData Generate(bool planted, bool withCategories = true, int seed = 7, int users = Users)
    {
        var random = new Random(seed);
        var builder = new TrainingDataBuilder();
        for (var u = 0; u < users; u++)
        {
            var north = u % 3 == 0;
            var favourite = random.Next(CategoryNames.Length);
            var time = Start.AddHours(u);
            for (var e = 0; e < 30; e++)
            {
                var category = random.NextDouble() < 0.7 ? favourite : random.Next(CategoryNames.Length);
                while (planted && north && category == 1 && random.NextDouble() < 0.9)
                {
                    category = random.Next(CategoryNames.Length);
                }

                var item = (category * PerCategory) + Zipf(random);
                time = time.AddDays(1);
                builder.Add(UserId(u), ItemId(item), "view", 1, time);
                if (random.NextDouble() < 0.4)
                {
                    builder.Add(UserId(u), ItemId(item), "add_to_cart", 1, time.AddMinutes(1));
                    var buy = planted && north && category == 1 ? 0.15 : 0.5;
                    if (random.NextDouble() < buy)
                    {
                        builder.Add(UserId(u), ItemId(item), "purchase", 1, time.AddMinutes(2));
                    }
                }
            }
        }

        for (var i = 0; i < Items; i++)
        {
            builder.AddItem(ItemId(i), "Title of " + ItemId(i), withCategories ? [CategoryNames[i / PerCategory]] : []);
        }

        return builder.Build();
    }

    /// <summary>Region of every end-user, and an age band for nine in ten.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Groups()
    {
        var groups = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        for (var u = 0; u < Users; u++)
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = Regions[u % 3] };
            if (u % 10 != 9)
            {
                attributes["age band"] = u % 2 == 0 ? "18-34" : "35+";
            }

            groups[UserId(u)] = attributes;
        }

        return groups;
    }

    /// <summary>Splits by time, fits the blend with <paramref name="rerank"/> on the training side and builds the snapshot.</summary>
    public static (BlendModel Model, AuditSnapshot Snapshot, TrainingData Train, TrainingData Test) Snapshot(
        TrainingData data, RerankSpec? rerank = null, BlendSpec? spec = null)
    {
        var (train, test) = TimeSplit.Split(data);
        var fitted = (spec ?? Spec) with { Rerank = rerank ?? new RerankSpec() };
        var model = new BlendTrainer().Fit(train, fitted, null, CancellationToken.None);
        var snapshot = AuditSnapshot.Build(model, train, test, 10, Groups(), new OutcomeNames("add_to_cart", "purchase"));
        return (model, snapshot, train, test);
    }

    /// <summary>Item index within a category: 0 most often, falling as 1 / (rank + 1).</summary>
    private static int Zipf(Random random)
    {
        double total = 0;
        for (var r = 0; r < PerCategory; r++)
        {
            total += 1.0 / (r + 1);
        }

        var x = random.NextDouble() * total;
        for (var r = 0; r < PerCategory; r++)
        {
            x -= 1.0 / (r + 1);
            if (x <= 0)
            {
                return r;
            }
        }

        return PerCategory - 1;
    }
}
