using Bunit;
using Dashboard.Application.Metrics;
using Dashboard.Domain.Blends;
using Dashboard.Web.Components.Pages.Metrics;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.Metrics;

public sealed class MetricsComponentsTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();

    public MetricsComponentsTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
    }

    [Fact]
    public void VersionTable_WhereAVersionHasNoValue_ShowsADashThatSaysWhy()
    {
        var table = _ctx.Render<MetricsVersionTable>(p => p.Add(x => x.Versions, [MetricsSamples.Old(1, 0.2), MetricsSamples.Full(2, 0.25)]));

        var diversity = table.FindAll("td[data-measure=Diversity]");
        Assert.Equal(("0.4500", "—", Measures.TrainedBefore),
            (diversity[0].TextContent.Trim(), diversity[1].TextContent.Trim(), diversity[1].QuerySelector("[data-testid=not-applicable]")!.GetAttribute("title")));
    }

    [Fact]
    public void VersionTable_ShowsEachVersionsReviewState()
    {
        var table = _ctx.Render<MetricsVersionTable>(p => p.Add(x => x.Versions, [MetricsSamples.Full(1, 0.2, ReleaseReview.Approved), MetricsSamples.Full(2, 0.25, ReleaseReview.AwaitingReview)]));

        Assert.Equal(["Awaiting review", "Approved"], table.FindAll("[data-testid=review-chip]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void ComparisonView_MarksBetterGreenAndWorseRed_AndSaysTheTestInASentence()
    {
        var comparison = MetricsService.Compare(MetricsSamples.Full(1, 0.20), MetricsSamples.Full(2, 0.25) with { });
        var worseRmse = comparison with
        {
            Changes = [.. comparison.Changes.Select(c => c.Measure.Name == "RMSE" ? c with { Second = c.First + 0.1 } : c)],
        };

        var view = _ctx.Render<ComparisonView>(p => p.Add(x => x.Comparison, worseRmse));

        Assert.Equal(
            ("mud-success-text", "+0.0500", "mud-error-text", true),
            (view.Find("[data-measure='NDCG@10']").ClassName, view.Find("[data-measure='NDCG@10']").TextContent.Trim(), view.Find("[data-measure=RMSE]").ClassName,
                view.Find("[data-testid=significance]").TextContent.Contains("NDCG@10 rose by 0.050; a difference this large would arise by chance", StringComparison.Ordinal)));
    }

    [Fact]
    public void ComparisonView_WithAnOldVersion_SaysWhyThereIsNoTest()
    {
        var view = _ctx.Render<ComparisonView>(p => p.Add(x => x.Comparison, MetricsService.Compare(MetricsSamples.Old(1, 0.2), MetricsSamples.Full(2, 0.25))));

        Assert.Equal((0, "No significance test: version 1 was trained before the spread of NDCG@10 over end-users was recorded."),
            (view.FindAll("[data-testid=significance]").Count, view.Find("[data-testid=significance-note]").TextContent.Trim()));
    }

    [Fact]
    public void ComponentFigures_ShowEachComponentBesideTheBlend_WithRatingErrorsOnlyForTheRatingModel()
    {
        var figures = _ctx.Render<ComponentFigures>(p => p.Add(x => x.Versions, [MetricsSamples.Full(1, 0.2)]));

        var rows = figures.FindAll("[data-testid=component-row]");
        Assert.Equal(
            (1, 2, "Not applicable: this component ranks items but does not predict star ratings.", "0.9100"),
            (figures.FindAll("[data-testid=blend-row]").Count, rows.Count, rows[0].QuerySelector("[data-testid=not-applicable]")!.GetAttribute("title"),
                rows[1].Children[^2].TextContent.Trim()));
    }

    [Fact]
    public void ComponentFigures_OfAnOldVersion_SayTheyWereNotRecorded()
    {
        var figures = _ctx.Render<ComponentFigures>(p => p.Add(x => x.Versions, [MetricsSamples.Old(1, 0.2)]));

        Assert.Contains("trained before each component's own figures were recorded", figures.Find("[data-testid=no-component-figures]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TrendCharts_LeaveOutVersionsWithoutAMeasure_AndNameThem()
    {
        var charts = _ctx.Render<MetricsTrendCharts>(p => p.Add(x => x.Versions, [MetricsSamples.Old(1, 0.2), MetricsSamples.Full(2, 0.25), MetricsSamples.Full(3, 0.27)]));

        Assert.Equal(
            (true, true, true),
            (charts.FindAll("[data-testid=ranking-chart]").Count == 1, charts.FindAll("[data-testid=coverage-chart]").Count == 1,
                charts.Markup.Contains("Left out: 1 version without Coverage or Diversity (v1).", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();
}
