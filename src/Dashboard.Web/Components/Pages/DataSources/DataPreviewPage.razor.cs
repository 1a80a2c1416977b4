using System.Globalization;
using Dashboard.Application.DataSources.Preview;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.DataSources;

public sealed partial class DataPreviewPage
{
    private List<ChartSeries<double>> _perDay = [];
    private string[] _perDayLabels = [];
    private List<ChartSeries<double>> _eventMix = [];
    private string[] _eventLabels = [];
    private readonly DonutChartOptions _donutOptions = new();
    private IReadOnlyList<BarListItem> _topItems = [];
    private IReadOnlyList<BarListItem> _topCategories = [];
    private IReadOnlyList<BarListItem> _categories = [];
    private IReadOnlyList<BarListItem> _prices = [];
    private IReadOnlyList<BarListItem> _ratings = [];
    private Dictionary<string, IReadOnlyList<BarListItem>> _attributeCharts = [];
    private readonly Dictionary<string, PrivateCounts> _attributeCounts = new(StringComparer.Ordinal);

    [Inject]
    private IDataPreviewService PreviewService { get; set; } = default!;

    /// <summary>
    /// The preview computed while prerendering, handed to the interactive render so the aggregates over
    /// the tenant's interactions run once per visit, not twice.
    /// </summary>
    [PersistentState]
    public DataPreview? Preview { get; set; }

    private string SparsityText => Preview?.Counts.Sparsity is { } sparsity
        ? sparsity.ToString("P2", CultureInfo.CurrentCulture)
        : "—";

    protected override async Task OnInitializedAsync()
    {
        var preview = Preview ?? await PreviewService.GetAsync();
        Preview = preview;
        _perDay = Series("Interactions", preview.History.Points.Select(d => d.Count));
        _perDayLabels = [.. preview.History.Labels()];

        _eventMix = Series("Interactions", preview.EventTypes.Select(e => e.Count));
        var events = Math.Max(1, preview.EventTypes.Sum(e => (long)e.Count));
        _eventLabels = [.. preview.EventTypes.Select(e => $"{EventLabel(e.Type)} · {((double)e.Count / events).ToString("P0", CultureInfo.CurrentCulture)}")];
        _topItems = [.. preview.TopItems.Select(t => Bar(t.Title, t.Interactions, "interactions"))];
        _topCategories = Bars(preview.TopCategories, "interactions");
        _categories = Bars(preview.CategoryDistribution, "items");
        _prices = [.. preview.PriceHistogram.Select(b => Bar(ChartText.PriceRange(b), b.Items, "items"))];
        _ratings = Bars(preview.Ratings, "ratings");
        _attributeCharts = preview.Attributes.ToDictionary(a => a.Key, a => Bars(ChartText.InNaturalOrder(a.Values), "end-users"));
    }

    private static bool CountsWithheld(AttributeDistribution attribute) => attribute.Values.Any(v => v.Count == AttributeDistribution.Withheld);

    /// <summary>Asked only on the button, so opening the page spends nothing from the privacy budget.</summary>
    private async Task ShowCountsAsync(AttributeDistribution attribute)
    {
        var counts = await PreviewService.AttributeCountsAsync(attribute.Key);
        _attributeCounts[attribute.Key] = counts;
        var released = attribute.Values
            .Select(v => counts.CountOf(v.Label) is { } count ? new LabelledCount(v.Label, (int)count) : null)
            .OfType<LabelledCount>()
            .ToList();
        _attributeCharts[attribute.Key] = Bars(ChartText.InNaturalOrder(released), "end-users");
    }

    private static IReadOnlyList<BarListItem> Bars(IReadOnlyList<LabelledCount> counts, string unit) => [.. counts.Select(c => Bar(c.Label, c.Count, unit))];

    private static BarListItem Bar(string label, int count, string unit) => new(label, count, $"{ChartText.Count(count)} {unit}");

    private static List<ChartSeries<double>> Series(string name, IEnumerable<int> values) =>
        [new ChartSeries<double> { Name = name, Data = new ChartData<double>([.. values.Select(v => (double)v)]), TooltipYValueFormat = "N0" }];

    private static string AttributeCaption(AttributeDistribution attribute) =>
        string.Format(CultureInfo.CurrentCulture, "{0:N0} end-users · {1:N0} values", attribute.EndUsers, attribute.DistinctValues);

    private string EventLabel(InteractionType type) => Preview?.EventName(type) ?? type.ToString();

    private static string Format(DateTime utc) => Dashboard.Application.Common.UtcText.Format(utc);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    private static string Format(decimal? price) => price?.ToString("N2", CultureInfo.CurrentCulture) ?? string.Empty;
}
