using System.Globalization;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Campaigns.Results;

public sealed partial class CampaignDailyCharts
{
    private List<DailyChart> _charts = [];
    private string? _leftOut;

    [Parameter, EditorRequired]
    public CampaignResults Results { get; set; } = default!;

    protected override void OnParametersSet()
    {
        var drawn = Enumerable.Range(0, Results.Days.Count).Where(d => Results.Arms.All(a => a.Days[d].Impressions > 0)).ToList();
        var skipped = Results.Days.Count - drawn.Count;
        _leftOut = skipped == 0 ? null
            : $"Left out: {PlainWords.Counted(skipped, "day")} on which some arm had no impressions " +
              $"({string.Join(", ", Enumerable.Range(0, Results.Days.Count).Except(drawn).Select(d => Label(Results.Days[d])))}).";
        var labels = drawn.Select(d => Label(Results.Days[d])).ToArray();
        // The chart's ticks are whole numbers, so rates are drawn as percentages.
        _charts =
        [
            Chart("Daily CTR (%)", "ctr-chart", labels, drawn, day => day.Ctr),
            Chart("Daily conversion rate (%)", "conversion-chart", labels, drawn, day => day.ConversionRate),
        ];
    }

    private DailyChart Chart(string title, string testId, string[] labels, List<int> days, Func<CampaignResultsDay, double?> rate) =>
        new(title, testId, labels, [.. Results.Arms.Select(arm => new ChartSeries<double>
        {
            Name = $"Arm {arm.Name}",
            Data = new ChartData<double>([.. days.Select(d => Math.Round(rate(arm.Days[d])!.Value * 100, 2))]),
        })]);

    private static string Label(DateOnly day) => day.ToString("MM-dd", CultureInfo.InvariantCulture);

    private sealed record DailyChart(string Title, string TestId, string[] Labels, List<ChartSeries<double>> Series);
}
