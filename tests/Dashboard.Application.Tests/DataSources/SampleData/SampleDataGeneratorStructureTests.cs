using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.Data;

namespace Dashboard.Application.Tests.DataSources.SampleData;

/// <summary>The generated data has the shape later algorithms and audits rely on.</summary>
public sealed class SampleDataGeneratorStructureTests
{
    [Fact]
    public void Generate_TimestampsFallWithinTheRequestedDays()
    {
        var data = SampleDataSets.Generate(new SampleDataOptions { Users = 200, Items = 50, Interactions = 20_000, Days = 30 });
        var start = SampleDataSets.EndUtc.AddDays(-30);

        Assert.All(data.Interactions, x => Assert.InRange(x.OccurredAtUtc, start, SampleDataSets.EndUtc));
    }

    [Fact]
    public void Generate_TimestampsAreUtc()
    {
        var data = SampleDataSets.Small();

        Assert.All(data.Interactions, x => Assert.Equal(DateTimeKind.Utc, x.OccurredAtUtc.Kind));
    }

    [Fact]
    public void Generate_TopTenPercentOfItemsTakeOverFortyPercentOfInteractions()
    {
        var data = SampleDataSets.Large;
        var counts = new int[data.Items.Count];
        foreach (var x in data.Interactions)
        {
            counts[x.ItemIndex]++;
        }

        Array.Sort(counts);
        var top = 0L;
        for (var i = counts.Length - (counts.Length / 10); i < counts.Length; i++)
        {
            top += counts[i];
        }

        Assert.True(top > 0.4 * data.Interactions.Length, $"top 10 % of items have {top} of {data.Interactions.Length} interactions");
    }

    [Fact]
    public void Generate_UsersConcentrateOnFavouriteCategoriesMoreThanChanceWould()
    {
        var data = SampleDataSets.Large;
        var users = new int[data.Interactions.Length];
        for (var i = 0; i < users.Length; i++)
        {
            users[i] = data.Interactions[i].UserIndex;
        }

        var observed = MeanFavouriteCategoryShare(data, users);
        new Random(1).Shuffle(users);
        var chance = MeanFavouriteCategoryShare(data, users);

        Assert.True(observed > chance + 0.1, $"favourite-category share {observed:F3} vs {chance:F3} with users shuffled");
    }

    [Fact]
    public void Generate_FunnelNarrowsFromViewsToPurchases()
    {
        var counts = CountByType(SampleDataSets.Large);

        Assert.True(
            counts[InteractionType.View] > counts[InteractionType.Click]
            && counts[InteractionType.Click] > counts[InteractionType.AddToCart]
            && counts[InteractionType.AddToCart] > counts[InteractionType.Purchase]
            && counts[InteractionType.Purchase] > 0,
            string.Join(", ", counts));
    }

    [Fact]
    public void Generate_ExplicitRatingsAreAboutOneInTenEvents()
    {
        var data = SampleDataSets.Large;

        var share = CountByType(data)[InteractionType.Rating] / (double)data.Interactions.Length;

        Assert.InRange(share, 0.05, 0.15);
    }

    [Fact]
    public void Generate_RatingsAreWholeStarsFromOneToFive()
    {
        var data = SampleDataSets.Large;

        Assert.All(
            data.Interactions.Where(x => x.Type == InteractionType.Rating),
            x => Assert.Contains(x.Value, new double[] { 1, 2, 3, 4, 5 }));
    }

    [Fact]
    public void Generate_ImplicitEventsHaveValueOne()
    {
        var data = SampleDataSets.Small();

        Assert.All(data.Interactions.Where(x => x.Type != InteractionType.Rating), x => Assert.Equal(1.0, x.Value));
    }

    [Fact]
    public void Generate_WeekendsAreBusierThanMidweek()
    {
        var data = SampleDataSets.Large;
        int saturdays = 0, tuesdays = 0;
        foreach (var x in data.Interactions)
        {
            saturdays += x.OccurredAtUtc.DayOfWeek == DayOfWeek.Saturday ? 1 : 0;
            tuesdays += x.OccurredAtUtc.DayOfWeek == DayOfWeek.Tuesday ? 1 : 0;
        }

        Assert.True(saturdays > 1.15 * tuesdays, $"{saturdays} on Saturdays vs {tuesdays} on Tuesdays");
    }

    [Fact]
    public void Generate_LastMonthIsBusierThanFirstMonth()
    {
        var data = SampleDataSets.Large;
        var firstMonthEnd = SampleDataSets.EndUtc.AddDays(-150);
        var lastMonthStart = SampleDataSets.EndUtc.AddDays(-30);
        int first = 0, last = 0;
        foreach (var x in data.Interactions)
        {
            first += x.OccurredAtUtc < firstMonthEnd ? 1 : 0;
            last += x.OccurredAtUtc >= lastMonthStart ? 1 : 0;
        }

        Assert.True(last > 1.05 * first, $"{last} events in the last 30 days vs {first} in the first 30");
    }

    [Theory]
    [InlineData(SampleAttributeKeys.AgeBand, false, true)]
    [InlineData(SampleAttributeKeys.Gender, true, false)]
    [InlineData(SampleAttributeKeys.Region, true, true)]
    public void Generate_EveryUserHasTheAttributeWithItsPrivacyFlags(string key, bool sensitive, bool quasiIdentifier)
    {
        var data = SampleDataSets.Small();

        Assert.All(data.Users, user =>
        {
            var attribute = Assert.Single(user.Attributes, a => a.Key == key);
            Assert.Equal((sensitive, quasiIdentifier), (attribute.IsSensitive, attribute.IsQuasiIdentifier));
        });
    }

    [Fact]
    public void Generate_GenderMixIsPlausible()
    {
        var data = SampleDataSets.Large;
        var nonBinary = data.Users.Count(u => SampleDataSets.AttributeOf(u, SampleAttributeKeys.Gender) == "non-binary");
        var female = data.Users.Count(u => SampleDataSets.AttributeOf(u, SampleAttributeKeys.Gender) == "female");

        Assert.True(nonBinary > 0 && nonBinary < 0.1 * data.Users.Count && female > 0.4 * data.Users.Count, $"{female} female, {nonBinary} non-binary of {data.Users.Count}");
    }

    [Fact]
    public void Generate_ItemsUseTheTemplatesVocabulary()
    {
        var data = SampleDataSets.Small();
        var categories = SampleCatalogTemplate.Retail.Categories.ToDictionary(c => c.Name);

        Assert.All(data.Items, item =>
        {
            var category = categories[item.Category!];
            var tags = item.Tags!.Split(',');
            Assert.InRange(tags.Length, 2, 4);
            Assert.Equal(tags.Length, tags.Distinct().Count());
            Assert.All(tags, tag => Assert.Contains(tag, category.Tags));
            Assert.Contains(category.Nouns, noun => item.Title.EndsWith(noun, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Generate_ItemsFitTheEntityLimits()
    {
        var data = SampleDataSets.Large;

        Assert.All(data.Items, item =>
        {
            Assert.InRange(item.Title.Length, 1, Item.TitleMaxLength);
            Assert.InRange(item.Tags!.Length, 1, Item.TagsMaxLength);
            Assert.InRange(item.Category!.Length, 1, Item.CategoryMaxLength);
        });
    }

    [Fact]
    public void Generate_PricesArePositiveWithAtMostTwoDecimals()
    {
        var data = SampleDataSets.Large;

        Assert.All(data.Items, item =>
        {
            Assert.True(item.Price > 0m, $"{item.ExternalId} costs {item.Price}");
            Assert.Equal(item.Price, decimal.Round(item.Price!.Value, 2));
        });
    }

    [Fact]
    public void Generate_ElectronicsIsTheMostExpensiveCategoryByMedianPrice()
    {
        var medians = SampleDataSets.Large.Items
            .GroupBy(i => i.Category!)
            .ToDictionary(g => g.Key, g => g.Select(i => i.Price!.Value).Order().ElementAt(g.Count() / 2));

        Assert.Equal("Electronics", medians.MaxBy(m => m.Value).Key);
    }

    private static Dictionary<InteractionType, int> CountByType(SampleDataSet data)
    {
        var counts = Enum.GetValues<InteractionType>().ToDictionary(t => t, _ => 0);
        foreach (var x in data.Interactions)
        {
            counts[x.Type]++;
        }

        return counts;
    }

    /// <summary>
    /// For users with at least 50 events, the share of their events in their most frequent category,
    /// averaged. <paramref name="users"/> gives each interaction's user, so it can be shuffled.
    /// </summary>
    private static double MeanFavouriteCategoryShare(SampleDataSet data, int[] users)
    {
        var categoryIndex = data.Items.Select(i => i.Category!).Distinct().Order(StringComparer.Ordinal)
            .Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index);
        var counts = new int[data.Users.Count, categoryIndex.Count];
        for (var i = 0; i < users.Length; i++)
        {
            counts[users[i], categoryIndex[data.Items[data.Interactions[i].ItemIndex].Category!]]++;
        }

        double sum = 0;
        var active = 0;
        for (var u = 0; u < data.Users.Count; u++)
        {
            int total = 0, favourite = 0;
            for (var c = 0; c < categoryIndex.Count; c++)
            {
                total += counts[u, c];
                favourite = Math.Max(favourite, counts[u, c]);
            }

            if (total >= 50)
            {
                sum += favourite / (double)total;
                active++;
            }
        }

        return sum / active;
    }
}
