using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.Data;

namespace Dashboard.Application.Tests.DataSources.SampleData;

/// <summary>The planted bias is described on the result and can be measured in the events.</summary>
public sealed class SampleDataGeneratorBiasTests
{
    [Fact]
    public void PlantedBias_NamesNorthernUsersAndElectronicsPurchases()
    {
        var bias = SampleDataSets.Small().PlantedBias;

        Assert.Equal(
            (SampleAttributeKeys.Region, "North", "Electronics", InteractionType.Purchase),
            (bias.AttributeKey, bias.AttributeValue, bias.Category, bias.AffectedType));
    }

    [Fact]
    public void PlantedBias_DescriptionMentionsGroupAndCategory()
    {
        var bias = SampleDataSets.Small().PlantedBias;

        Assert.Contains("North", bias.Description, StringComparison.Ordinal);
        Assert.Contains("Electronics", bias.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void PlantedBias_BiasedGroupBuysFarLessOfTheTargetCategoryPerAddToCart()
    {
        var data = SampleDataSets.Large;
        var bias = data.PlantedBias;

        var (group, others) = PurchasesPerAddToCart(data, category => category == bias.Category);

        Assert.True(group < 0.5 * others, $"{bias.AttributeValue}: {group:F3} purchases per add-to-cart vs {others:F3} for everyone else");
    }

    [Fact]
    public void PlantedBias_BiasedGroupBuysOtherCategoriesLikeEveryoneElse()
    {
        var data = SampleDataSets.Large;
        var bias = data.PlantedBias;

        var (group, others) = PurchasesPerAddToCart(data, category => category != bias.Category);

        Assert.InRange(group / others, 0.85, 1.15);
    }

    [Fact]
    public void PlantedBias_BiasedGroupStillViewsTheTargetCategoryAsOftenAsOthers()
    {
        var data = SampleDataSets.Large;
        var bias = data.PlantedBias;
        var viewShare = new double[2];
        var views = new int[2];
        foreach (var x in data.Interactions)
        {
            if (x.Type != InteractionType.View)
            {
                continue;
            }

            var g = InGroup(data, bias, x.UserIndex) ? 0 : 1;
            views[g]++;
            viewShare[g] += data.Items[x.ItemIndex].Category == bias.Category ? 1 : 0;
        }

        Assert.InRange((viewShare[0] / views[0]) / (viewShare[1] / views[1]), 0.8, 1.25);
    }

    private static (double Group, double Others) PurchasesPerAddToCart(SampleDataSet data, Func<string, bool> inScope)
    {
        var carts = new int[2];
        var purchases = new int[2];
        foreach (var x in data.Interactions)
        {
            if (!inScope(data.Items[x.ItemIndex].Category!))
            {
                continue;
            }

            var g = InGroup(data, data.PlantedBias, x.UserIndex) ? 0 : 1;
            carts[g] += x.Type == InteractionType.AddToCart ? 1 : 0;
            purchases[g] += x.Type == InteractionType.Purchase ? 1 : 0;
        }

        return (purchases[0] / (double)carts[0], purchases[1] / (double)carts[1]);
    }

    private static bool InGroup(SampleDataSet data, SamplePlantedBias bias, int userIndex) =>
        SampleDataSets.AttributeOf(data.Users[userIndex], bias.AttributeKey) == bias.AttributeValue;
}
