using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.Data;

namespace Dashboard.Application.Tests.DataSources.SampleData;

/// <summary>Every vertical produces usable, deterministic data with its own vocabulary and the planted bias.</summary>
public sealed class SampleCatalogTemplatesTests
{
    private static readonly SampleDataOptions SmallOptions = new() { Users = 120, Items = 60, Interactions = 6_000, Seed = 5 };

    public static TheoryData<string> Names() => [.. SampleCatalogTemplates.All.Keys];

    [Fact]
    public void All_HoldsTheFourVerticals()
    {
        Assert.Equal(
            ["E-commerce", "Education", "Finance", "Travel"],
            SampleCatalogTemplates.All.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("E-commerce", "Retail")]
    [InlineData("retail", "Retail")]
    [InlineData(" travel ", "Travel")]
    [InlineData("FINANCE", "Finance")]
    [InlineData("Education", "Education")]
    public void Get_FindsAVerticalByRegistryOrTemplateName(string name, string expectedTemplate)
    {
        Assert.Equal(expectedTemplate, SampleCatalogTemplates.Get(name).Name);
    }

    [Fact]
    public void Get_UnknownName_ListsTheVerticalsThatExist()
    {
        var error = Assert.Throws<ArgumentException>(() => SampleCatalogTemplates.Get("Groceries"));

        Assert.Contains("Finance", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Generate_WritesExactlyTheRequestedSizes(string name)
    {
        var data = Generate(name, SmallOptions);

        Assert.Equal((120, 60, 6_000), (data.Users.Count, data.Items.Count, data.Interactions.Length));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Generate_SameSeed_GivesIdenticalInteractions(string name)
    {
        var first = Generate(name, SmallOptions);
        var second = Generate(name, SmallOptions);

        Assert.Equal(first.Interactions, second.Interactions);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Generate_ItemsUseTheVerticalsCategoriesOnly(string name)
    {
        var template = SampleCatalogTemplates.Get(name);
        var data = Generate(name, new SampleDataOptions { Users = 50, Items = 2_000, Interactions = 1_000, Seed = 6 });

        Assert.Equal(
            template.Categories.Select(c => c.Name).Order(StringComparer.Ordinal),
            data.Items.Select(i => i.Category!).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("E-commerce", "Electronics")]
    [InlineData("Finance", "Mortgages")]
    [InlineData("Travel", "Cruises")]
    [InlineData("Education", "Professional Certificates")]
    public void PlantedBias_FallsOnTheVerticalsMostExpensiveCategory(string name, string category)
    {
        Assert.Equal(category, Generate(name, SmallOptions).PlantedBias.Category);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void PlantedBias_BiasedGroupBuysFarLessOfTheTargetCategoryPerAddToCart(string name)
    {
        var data = Generate(name, new SampleDataOptions { Users = 1_000, Items = 200, Interactions = 300_000, Seed = 11 });
        var bias = data.PlantedBias;
        var carts = new int[2];
        var purchases = new int[2];
        foreach (var x in data.Interactions)
        {
            if (data.Items[x.ItemIndex].Category != bias.Category)
            {
                continue;
            }

            var g = SampleDataSets.AttributeOf(data.Users[x.UserIndex], bias.AttributeKey) == bias.AttributeValue ? 0 : 1;
            carts[g] += x.Type == InteractionType.AddToCart ? 1 : 0;
            purchases[g] += x.Type == InteractionType.Purchase ? 1 : 0;
        }

        var group = purchases[0] / (double)carts[0];
        var others = purchases[1] / (double)carts[1];
        Assert.True(group < 0.5 * others, $"{name}: {group:F3} purchases per add-to-cart in {bias.Category} vs {others:F3} for everyone else");
    }

    [Fact]
    public void DisplayName_OfTheShop_IsTheNamePeoplePickItBy()
    {
        Assert.Equal(
            ("E-commerce", "Finance"),
            (SampleCatalogTemplates.DisplayName(SampleCatalogTemplate.Retail), SampleCatalogTemplates.DisplayName(SampleCatalogTemplate.Finance)));
    }

    private static SampleDataSet Generate(string name, SampleDataOptions options) =>
        new SampleDataGenerator(SampleCatalogTemplates.Get(name)).Generate(options, SampleDataSets.EndUtc, CancellationToken.None);
}
