using System.Text.Json;
using Bunit;
using Dashboard.Application.DataSources.Preview;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;
using Dashboard.Web.Components.Pages.DataSources;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

public sealed class DataPreviewPageTests
{
    private static readonly DataPreview Empty = new(
        new DataPreviewCounts(0, 0, 0, 0, 0, 0, 0),
        InteractionHistory.Empty,
        [.. Enum.GetValues<InteractionType>().Select(t => new EventTypeCount(t, 0))],
        [],
        [],
        [],
        [],
        [],
        0,
        [],
        [],
        [],
        []);

    private static readonly DataPreview Populated = new(
        new DataPreviewCounts(EndUsers: 3, Items: 4, PlaceholderItems: 1, Interactions: 6, ActiveEndUsers: 2, ActiveItems: 3, DistinctPairs: 4),
        new(TimeBucket.Day, [new(new DateOnly(2026, 6, 1), 3), new(new DateOnly(2026, 6, 2), 0), new(new DateOnly(2026, 6, 3), 3)]),
        [new(InteractionType.View, 3), new(InteractionType.Click, 1), new(InteractionType.AddToCart, 0), new(InteractionType.Purchase, 1), new(InteractionType.Rating, 1)],
        [new("i1", "Atlas", "Books", 4), new("i2", "Cookbook", "Books", 1)],
        [new("Books", 5), new("(no category)", 1)],
        [new("Books", 2), new("Toys", 1)],
        [new PriceBucket(4, 6, 1), new PriceBucket(6, 8, 0), new PriceBucket(8, 10, 0), new PriceBucket(10, 12, 1)],
        [
            new AttributeDistribution("region", IsSensitive: true, IsQuasiIdentifier: true, 3, 2, [new("North", 2), new("South", 1)]),
            new AttributeDistribution("loyalty_tier", IsSensitive: false, IsQuasiIdentifier: false, 3, 1, [new("gold", 3)]),
        ],
        0,
        [new(new DateTime(2026, 6, 3, 20, 0, 0, DateTimeKind.Utc), "u1", "i4", "Mystery item", InteractionType.Rating, 4)],
        [new("i1", "Atlas", "Books", "maps,travel", 10.00m, false)],
        [new("u1", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), [new("region", "North", true, true)])],
        [.. Enumerable.Range(1, 10).Select(h => new LabelledCount(DataPreviewService.StarLabel(h / 2.0), h == 8 ? 1 : 0))]);

    [Fact]
    public async Task EmptyTenant_ShowsTheNoDataMessageAndNoCharts()
    {
        await using var ctx = CreateContext(Empty);

        var page = ctx.Render<DataPreviewPage>();

        Assert.Equal(
            ("No data yet — import a data source or generate sample data.", 0),
            (page.Find("[data-testid=preview-empty]").TextContent.Trim(), page.FindAll("[data-testid=preview-per-day]").Count));
    }

    [Fact]
    public async Task TravelOrganisation_SeesEventTypesInTravelWords()
    {
        await using var ctx = CreateContext(Populated with { EventNames = Dashboard.Application.DataSources.SampleData.EventTypeNames.For("Travel") });

        var page = ctx.Render<DataPreviewPage>();

        Assert.Contains("Review", page.Find("[data-testid=sample-interactions] tbody").TextContent, StringComparison.Ordinal);
        Assert.Contains("Booking", page.Find("[data-testid=preview-event-mix]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Purchase", page.Find("[data-testid=preview-event-mix]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("preview-categories")]
    [InlineData("preview-top-categories")]
    public async Task CategoryCharts_StateThatAnItemCountsOnceUnderItsOneCategory(string chart)
    {
        await using var ctx = CreateContext(Populated);

        var page = ctx.Render<DataPreviewPage>();

        var card = page.FindAll(".mud-paper").Last(p => p.QuerySelector($"[data-testid={chart}]") is not null);
        Assert.Contains("Each item counts once, under its one category.", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PopulatedTenant_ShowsCountsAndSparsity()
    {
        await using var ctx = CreateContext(Populated);

        var page = ctx.Render<DataPreviewPage>();

        Assert.Equal(
            ("6", "4", (1.0 / 3).ToString("P2", System.Globalization.CultureInfo.CurrentCulture)),
            (page.Find("[data-testid=preview-interactions]").TextContent.Trim(),
             page.Find("[data-testid=preview-pairs]").TextContent.Trim(),
             page.Find("[data-testid=preview-sparsity]").TextContent.Trim()));
    }

    [Fact]
    public async Task AHistoryCountedPerWeek_SaysSoInTheChartTitle()
    {
        await using var ctx = CreateContext(Populated with { History = new(TimeBucket.Week, [new(new DateOnly(1997, 9, 15), 1), new(new DateOnly(1997, 9, 22), 2)]) });

        var page = ctx.Render<DataPreviewPage>();

        Assert.Equal("Interactions per week", page.Find("[data-testid=preview-per-period-title]").TextContent.Trim());
    }

    [Fact]
    public async Task ATenantWithRatings_ShowsOneRatingsBarPerHalfStar_AndOneWithoutRatingsNone()
    {
        await using var rated = CreateContext(Populated);
        await using var unrated = CreateContext(Populated with { Ratings = [] });

        var bars = rated.Render<DataPreviewPage>().FindAll("[data-testid=preview-ratings] [data-testid=bar-row]");

        Assert.Equal((10, 0), (bars.Count, unrated.Render<DataPreviewPage>().FindAll("[data-testid=preview-ratings]").Count));
        Assert.Contains("4 \u2605", bars[7].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PopulatedTenant_DrawsEveryChart()
    {
        await using var ctx = CreateContext(Populated);

        var page = ctx.Render<DataPreviewPage>();

        var charts = new[] { "preview-per-day", "preview-event-mix" };
        var barLists = new[] { "preview-top-items", "preview-top-categories", "preview-categories", "preview-prices" };
        Assert.All(charts, id => Assert.NotEmpty(page.FindAll($"[data-testid={id}] svg")));
        Assert.All(barLists, id => Assert.NotEmpty(page.FindAll($"[data-testid={id}] [data-testid=bar-row]")));
    }

    [Fact]
    public async Task TopItems_ShowTheirFullTitlesWithCountsWithThousandsSeparators()
    {
        var longTitle = "The Complete Illustrated Atlas of Northern European Coastlines";
        await using var ctx = CreateContext(Populated with { TopItems = [new("i1", longTitle, "Books", 26879)] });

        var page = ctx.Render<DataPreviewPage>();

        var row = page.Find("[data-testid=preview-top-items] [data-testid=bar-row]");
        Assert.Equal(
            (longTitle, 26879.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) + " interactions"),
            (row.QuerySelector("[data-testid=bar-label]")!.TextContent.Trim(), row.QuerySelector("[data-testid=bar-value]")!.TextContent.Trim()));
    }

    [Fact]
    public async Task PriceBuckets_AreLabelledAsRangesWithTwoDecimals()
    {
        await using var ctx = CreateContext(Populated);

        var page = ctx.Render<DataPreviewPage>();

        var labels = page.FindAll("[data-testid=preview-prices] [data-testid=bar-label]").Select(l => l.TextContent.Trim());
        Assert.Equal($"{4m:N2} – {6m:N2}", labels.First());
    }

    [Fact]
    public async Task AgeBands_AreInAgeOrderUnderAKeyInWords()
    {
        AttributeDistribution ages = new("age_band", IsSensitive: false, IsQuasiIdentifier: true, 11, 4,
            [new("25-34", 5), new("65+", 3), new("18-24", 2), new("Other", 1)]);
        await using var ctx = CreateContext(Populated with { Attributes = [ages] });

        var page = ctx.Render<DataPreviewPage>();

        var card = page.Find("[data-testid=preview-attribute]");
        Assert.Equal(
            "Age band|18-24|25-34|65+|Other",
            string.Join("|", [card.QuerySelector("h6")!.TextContent.Trim(), .. card.QuerySelectorAll("[data-testid=bar-label]").Select(l => l.TextContent.Trim())]));
    }

    [Fact]
    public async Task EventTypes_ShowTheirShareOfAllInteractions()
    {
        await using var ctx = CreateContext(Populated);

        var page = ctx.Render<DataPreviewPage>();

        Assert.Contains($"View · {0.5.ToString("P0", System.Globalization.CultureInfo.CurrentCulture)}", page.Find("[data-testid=preview-event-mix]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttributeCharts_CarryChipsForTheirPrivacyFlags()
    {
        await using var ctx = CreateContext(Populated);

        var page = ctx.Render<DataPreviewPage>();

        var chipsPerAttribute = page.FindAll("[data-testid=preview-attribute]")
            .Select(card => (card.QuerySelectorAll("[data-testid=chip-sensitive]").Length, card.QuerySelectorAll("[data-testid=chip-quasi-identifier]").Length));
        Assert.Equal([(1, 1), (0, 0)], chipsPerAttribute);
    }

    [Fact]
    public async Task WithheldValueCounts_ShowNoBarsAndAskNothingUntilShowCountsIsPressed()
    {
        var fake = new FakeDataPreviewService(Populated with { Attributes = [Withheld] });
        await using var ctx = CreateContext(fake);

        var page = ctx.Render<DataPreviewPage>();

        var card = page.Find("[data-testid=preview-attribute]");
        Assert.Equal((0, 1, 0), (card.QuerySelectorAll("[data-testid=bar-value]").Length, card.QuerySelectorAll("[data-testid=show-attribute-counts]").Length, fake.CountsAsked.Count));
    }

    [Fact]
    public async Task ShowCounts_DrawsTheNoisyCountsWithTheirLabel()
    {
        var fake = new FakeDataPreviewService(
            Populated with { Attributes = [Withheld] },
            new PrivateCounts(ReleaseKind.Noisy, [new("gold", 4), new("silver", 1)], 0.5, null));
        await using var ctx = CreateContext(fake);
        var page = ctx.Render<DataPreviewPage>();

        await page.InvokeAsync(() => page.Find("[data-testid=show-attribute-counts]").Click());

        var card = page.Find("[data-testid=preview-attribute]");
        Assert.Equal(
            ("End-users per value: noisy (ε 0.5)", "4 end-users|1 end-users", "loyalty_tier"),
            (card.QuerySelector("[data-testid=attribute-counts-label]")!.TextContent.Trim(),
                string.Join("|", card.QuerySelectorAll("[data-testid=bar-value]").Select(v => v.TextContent.Trim())),
                string.Join("|", fake.CountsAsked)));
    }

    [Fact]
    public async Task ShowCounts_BudgetSpent_ShowsTheRefusalAndNoBars()
    {
        const string refusal = "This month's privacy budget (ε 10) is spent; figures return on 1 July or when a compliance officer raises the budget.";
        var fake = new FakeDataPreviewService(Populated with { Attributes = [Withheld] }, new PrivateCounts(ReleaseKind.Refused, [], null, refusal));
        await using var ctx = CreateContext(fake);
        var page = ctx.Render<DataPreviewPage>();

        await page.InvokeAsync(() => page.Find("[data-testid=show-attribute-counts]").Click());

        var card = page.Find("[data-testid=preview-attribute]");
        Assert.Equal(($"End-users per value: {refusal}", 0), (card.QuerySelector("[data-testid=attribute-counts-label]")!.TextContent.Trim(), card.QuerySelectorAll("[data-testid=bar-value]").Length));
    }

    [Fact]
    public async Task SampleRows_ShowTheNewestInteractionWithExternalIds()
    {
        await using var ctx = CreateContext(Populated);

        var page = ctx.Render<DataPreviewPage>();

        var cells = page.FindAll("[data-testid=sample-interactions] tbody tr:first-child td").Select(td => td.TextContent.Trim());
        Assert.Equal(["2026-06-03 20:00 UTC", "u1", "i4", "Mystery item", "Rating", "4"], cells);
    }

    [Fact]
    public void Preview_SurvivesTheJsonRoundTripThatCarriesItFromPrerenderingToTheCircuit()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var json = JsonSerializer.Serialize(Populated, options);

        var restored = JsonSerializer.Deserialize<DataPreview>(json, options);

        Assert.Equal(json, JsonSerializer.Serialize(restored, options));
    }

    private static readonly AttributeDistribution Withheld = new("loyalty_tier", IsSensitive: false, IsQuasiIdentifier: false, 5, 2,
        [new("gold", AttributeDistribution.Withheld), new("silver", AttributeDistribution.Withheld)]);

    private static BunitContext CreateContext(DataPreview preview) => CreateContext(new FakeDataPreviewService(preview));

    private static BunitContext CreateContext(FakeDataPreviewService service)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton<IDataPreviewService>(service);
        return ctx;
    }
}
