using Bunit;
using Dashboard.Web.Components.Pages.BiasAudits;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.BiasAudits;

public sealed class ThresholdBarChartTests
{
    [Fact]
    public async Task The_threshold_is_drawn_as_a_named_bar_beside_each_groups_bars()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        List<ChartSeries<double>> series = [new() { Name = "NDCG@10 ratio", Data = new ChartData<double>([ThresholdBarChart.Scaled(1), ThresholdBarChart.Scaled(0.5)]) }];

        var chart = ctx.Render<ThresholdBarChart>(p => p
            .Add(x => x.Series, series).Add(x => x.Labels, ["A", "B"]).Add(x => x.Lower, 0.8).Add(x => x.Blocking, true).Add(x => x.TestId, "chart"));

        Assert.Contains("Threshold: at least 0.8 (blocking)", chart.Find("[data-testid=threshold-caption]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Threshold: at least 0.8 (blocking)", chart.Find("[data-testid=chart]").TextContent, StringComparison.Ordinal);
        Assert.Single(chart.FindComponents<MudChart<double>>());
        Assert.Equal(4, chart.FindAll("[data-testid=chart] path.mud-chart-bar").Count);
    }
}
