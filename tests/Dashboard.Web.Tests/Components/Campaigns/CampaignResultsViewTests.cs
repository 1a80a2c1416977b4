using Bunit;
using Dashboard.Application.Campaigns;
using Dashboard.Domain.Campaigns;
using Dashboard.Web.Components.Pages.Campaigns.Results;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.Campaigns;

public sealed class CampaignResultsViewTests : IAsyncDisposable
{
    private static readonly DateOnly Day1 = new(2026, 6, 28);

    private readonly BunitContext _ctx = new();

    public CampaignResultsViewTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
    }

    /// <summary>An arm with one (impressions, clicks, conversions) per day of <see cref="Days"/>.</summary>
    private static CampaignResultsArm Arm(string name, string? blend, params (long Impressions, long Clicks, long Conversions)[] days)
    {
        var daily = days.Select((d, i) => new CampaignResultsDay(Day1.AddDays(i), d.Impressions / 10, d.Impressions, d.Clicks, d.Conversions)).ToList();
        long impressions = daily.Sum(d => d.Impressions), clicks = daily.Sum(d => d.Clicks), conversions = daily.Sum(d => d.Conversions);
        return new CampaignResultsArm(Guid.NewGuid(), name, blend, 50, impressions / 10, impressions, clicks, conversions,
            CampaignResultsRate.Of(clicks, impressions), CampaignResultsRate.Of(conversions, impressions), daily);
    }

    private static CampaignResults Results(CampaignGoal goal, params CampaignResultsArm[] arms)
    {
        var days = arms[0].Days.Select(d => d.Day).ToList();
        return new CampaignResults(Guid.NewGuid(), "Spring picks", goal, CampaignChannel.Web, CampaignState.Running, arms, days, CampaignVerdict.Decide(goal, arms));
    }

    [Fact]
    public void View_WithoutData_SaysHowFiguresArrive_AndStatesTheHorizonUpFront()
    {
        var view = _ctx.Render<CampaignResultsView>(p => p.Add(x => x.Results, Results(CampaignGoal.Clicks, Arm("A", "Default"), Arm("B", "Popular"))));

        Assert.Equal((true, true, 0), (view.Find("[data-testid=results-empty]").TextContent.Contains("POST /api/v1/feedback", StringComparison.Ordinal),
            view.Find("[data-testid=verdict]").TextContent.Contains("each arm needs 163,095 impressions", StringComparison.Ordinal),
            view.FindAll("[data-testid=ctr-chart]").Count));
    }

    [Fact]
    public void View_ShowsTheVerdictSentence()
    {
        var results = Results(CampaignGoal.Clicks, Arm("A", "Default", (15_000, 1_500, 0)), Arm("B", "Popular", (15_000, 1_800, 0)));

        var view = _ctx.Render<CampaignResultsView>(p => p.Add(x => x.Results, results));

        Assert.Equal((results.Verdict.Sentence, "Difference"), (view.Find("[data-testid=verdict]").TextContent.Trim(), view.Find("[data-testid=verdict]").GetAttribute("data-verdict")));
    }

    [Fact]
    public void ArmCard_PutsTheGoalsRateFirst_WithItsInterval()
    {
        var card = _ctx.Render<CampaignArmCard>(p => p.Add(x => x.Arm, Arm("A", "Default", (100, 20, 10))).Add(x => x.Goal, CampaignGoal.Conversions));

        var first = card.Find("dd");
        Assert.Equal(("conversion-rate", "10.0 % 95 % interval 5.5 % – 17.4 %"),
            (first.GetAttribute("data-testid"), System.Text.RegularExpressions.Regex.Replace(first.TextContent.Trim(), @"\s+", " ")));
    }

    [Fact]
    public void ArmCard_WithoutImpressions_ShowsADashAndNoInterval()
    {
        var card = _ctx.Render<CampaignArmCard>(p => p.Add(x => x.Arm, Arm("A", "Default", (0, 0, 0))).Add(x => x.Goal, CampaignGoal.Clicks));

        Assert.Equal("—", card.Find("[data-testid=ctr]").TextContent.Trim());
    }

    [Fact]
    public void ArmCard_ForADeletedBlend_SaysSo()
    {
        var card = _ctx.Render<CampaignArmCard>(p => p.Add(x => x.Arm, Arm("B", null)).Add(x => x.Goal, CampaignGoal.Clicks));

        Assert.StartsWith("Blend deleted ·", card.Find(".mud-typography-caption").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void DailyCharts_DrawOnlyDaysOnWhichEveryArmHadImpressions_AndNameTheOthers()
    {
        var results = Results(CampaignGoal.Clicks,
            Arm("A", "Default", (100, 10, 1), (100, 12, 1), (100, 11, 2)),
            Arm("B", "Popular", (100, 8, 1), (0, 0, 0), (100, 9, 0)));

        var charts = _ctx.Render<CampaignDailyCharts>(p => p.Add(x => x.Results, results));

        Assert.Equal((1, 1, "Left out: 1 day on which some arm had no impressions (06-29)."),
            (charts.FindAll("[data-testid=ctr-chart]").Count, charts.FindAll("[data-testid=conversion-chart]").Count, charts.Find("[data-testid=days-left-out]").TextContent.Trim()));
    }

    [Fact]
    public void DailyCharts_WithOneDay_SayALineNeedsTwo()
    {
        var results = Results(CampaignGoal.Clicks, Arm("A", "Default", (100, 10, 1)), Arm("B", "Popular", (100, 8, 1)));

        var charts = _ctx.Render<CampaignDailyCharts>(p => p.Add(x => x.Results, results));

        Assert.Equal((2, 0), (charts.FindAll("[data-testid=chart-too-few]").Count, charts.FindAll("[data-testid=ctr-chart]").Count));
    }

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();
}
