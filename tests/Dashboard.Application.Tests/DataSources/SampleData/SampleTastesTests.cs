using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.Data;

namespace Dashboard.Application.Tests.DataSources.SampleData;

public sealed class SampleTastesTests
{
    private static readonly SampleDataOptions Options = new() { Users = 1_000, Items = 200, Interactions = 200_000, Seed = 11 };

    [Fact]
    public void Tastes_KnowExactlyTheGeneratedUsersAndItemsByTheirIds()
    {
        var data = SampleDataSets.Large;
        var tastes = new SampleDataGenerator().Tastes(Options);

        var users = data.Users.Select((u, i) => tastes.TryUser(u.ExternalId, out var index) && index == i).All(ok => ok);
        var items = data.Items.Select((it, i) => tastes.TryItem(it.ExternalId, out var index) && index == i).All(ok => ok);
        Assert.Equal((true, true, 1_000, 200, false), (users, items, tastes.UserCount, tastes.ItemCount, tastes.TryUser("u99999", out _)));
    }

    [Fact]
    public void Tastes_SameSeed_ScoreEveryPairIdentically()
    {
        var first = new SampleDataGenerator().Tastes(Options);
        var second = new SampleDataGenerator().Tastes(Options);

        var pairs = Enumerable.Range(0, 500).Select(n => (User: (n * 37) % 1_000, Item: (n * 13) % 200));
        Assert.All(pairs, p => Assert.Equal(first.Affinity(p.User, p.Item), second.Affinity(p.User, p.Item)));
    }

    [Fact]
    public void Tastes_AreTheOnesBehindTheGeneratedHistory_ViewedItemsHaveHigherAffinityThanItemsNeverViewed()
    {
        // The generator picks items in proportion to popularity × e^affinity, so the pairs it chose must score well
        // above the pairs it never chose; tastes from another seed (wrongly rebuilt) would score them alike.
        var data = SampleDataSets.Large;
        var tastes = new SampleDataGenerator().Tastes(Options);
        var other = new SampleDataGenerator().Tastes(Options with { Seed = 12 });

        var (viewed, unviewed) = Split(data);
        var gap = Mean(viewed, tastes) - Mean(unviewed, tastes);
        var otherGap = Mean(viewed, other) - Mean(unviewed, other);

        Assert.True(gap > 0.5 && Math.Abs(otherGap) < 0.2, $"gap {gap:0.000}, with the wrong seed {otherGap:0.000}");
    }

    [Fact]
    public void ClickProbability_RisesWithAffinity_FromTheTemplatesClickRateAtNeutralTaste()
    {
        var tastes = new SampleDataGenerator().Tastes(Options);
        var pairs = Enumerable.Range(0, 1_000).SelectMany(u => Enumerable.Range(0, 200).Where(i => (u + i) % 50 == 0).Select(i => (u, i))).ToList();
        var liked = pairs.MaxBy(p => tastes.Affinity(p.u, p.i));
        var disliked = pairs.MinBy(p => tastes.Affinity(p.u, p.i));

        Assert.True(tastes.ClickProbability(liked.u, liked.i) > SampleCatalogTemplate.Retail.ClickRate
            && SampleCatalogTemplate.Retail.ClickRate > tastes.ClickProbability(disliked.u, disliked.i));
    }

    [Fact]
    public void PurchaseProbability_HoldsThePlantedBiasGroupDownInItsCategoryOnly()
    {
        var data = SampleDataSets.Large;
        var tastes = new SampleDataGenerator().Tastes(Options);
        var north = data.Users.Select((u, i) => (u, i)).First(x => SampleDataSets.AttributeOf(x.u, SampleAttributeKeys.Region) == data.PlantedBias.AttributeValue).i;
        var electronics = data.Items.Select((it, i) => (it, i)).First(x => x.it.Category == data.PlantedBias.Category).i;
        var books = data.Items.Select((it, i) => (it, i)).First(x => x.it.Category != data.PlantedBias.Category).i;

        var unbiased = Funnel(tastes, north, electronics);
        var other = Funnel(tastes, north, books);

        Assert.Equal((unbiased * data.PlantedBias.RateMultiplier, other),
            (tastes.PurchaseProbability(north, electronics), tastes.PurchaseProbability(north, books)), new Close());
    }

    private static double Funnel(SampleTastes tastes, int user, int item)
    {
        var a = tastes.Affinity(user, item);
        var t = SampleCatalogTemplate.Retail;
        return Sigmoid(Logit(t.AddToCartRate) + (t.AffinityLift * a)) * Sigmoid(Logit(t.PurchaseRate) + (t.AffinityLift * a));
    }

    private static (List<(int, int)> Viewed, List<(int, int)> Unviewed) Split(SampleDataSet data)
    {
        var seen = data.Interactions.Where(r => r.Type == InteractionType.View).Select(r => (r.UserIndex, r.ItemIndex)).ToHashSet();
        var unviewed = new List<(int, int)>();
        for (var u = 0; u < data.Users.Count; u += 7)
        {
            for (var i = 0; i < data.Items.Count; i += 3)
            {
                if (!seen.Contains((u, i)))
                {
                    unviewed.Add((u, i));
                }
            }
        }

        return ([.. seen], unviewed);
    }

    private static double Mean(List<(int User, int Item)> pairs, SampleTastes tastes) => pairs.Average(p => tastes.Affinity(p.User, p.Item));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private sealed class Close : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 1e-12 && Math.Abs(x.Item2 - y.Item2) < 1e-12;

        public int GetHashCode((double, double) obj) => 0;
    }
}
