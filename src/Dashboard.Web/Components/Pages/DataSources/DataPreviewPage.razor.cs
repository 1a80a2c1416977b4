using System.Globalization;
using Dashboard.Application.DataSources.Preview;
using Dashboard.Domain.Data;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.DataSources;

public sealed partial class DataPreviewPage
{
    private const int MaxLabelLength = 18;

    private List<ChartSeries<double>> _perDay = [];
    private string[] _perDayLabels = [];
    private List<ChartSeries<double>> _eventMix = [];
    private string[] _eventLabels = [];
    private List<ChartSeries<double>> _topItems = [];
    private string[] _topItemLabels = [];
    private List<ChartSeries<double>> _topCategories = [];
    private string[] _topCategoryLabels = [];
    private List<ChartSeries<double>> _categories = [];
    private string[] _categoryLabels = [];
    private List<ChartSeries<double>> _prices = [];
    private string[] _priceLabels = [];
    private Dictionary<string, (List<ChartSeries<double>> Series, string[] Labels)> _attributeCharts = [];

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
        var days = preview.InteractionsPerDay;
        _perDay = Series("Interactions", days.Select(d => d.Count));
        // Label roughly every other week so the axis stays readable over 180 days.
        var every = Math.Max(1, days.Count / 12);
        _perDayLabels = [.. days.Select((d, i) => i % every == 0 ? d.Day.ToString("MMM d", CultureInfo.InvariantCulture) : string.Empty)];

        _eventMix = Series("Interactions", preview.EventTypes.Select(e => e.Count));
        _eventLabels = [.. preview.EventTypes.Select(e => EventLabel(e.Type))];
        _topItems = Series("Interactions", preview.TopItems.Select(t => t.Interactions));
        _topItemLabels = [.. preview.TopItems.Select(t => Shorten(t.Title))];
        (_topCategories, _topCategoryLabels) = Bars("Interactions", preview.TopCategories);
        (_categories, _categoryLabels) = Bars("Items", preview.CategoryDistribution);
        _prices = Series("Items", preview.PriceHistogram.Select(b => b.Items));
        _priceLabels = [.. preview.PriceHistogram.Select(b => Format(b.From) + "–" + Format(b.To))];
        _attributeCharts = preview.Attributes.ToDictionary(a => a.Key, a => Bars("End-users", a.Values));
        Preview = preview;
    }

    private static (List<ChartSeries<double>> Series, string[] Labels) Bars(string name, IReadOnlyList<LabelledCount> counts) =>
        (Series(name, counts.Select(c => c.Count)), [.. counts.Select(c => Shorten(c.Label))]);

    private static List<ChartSeries<double>> Series(string name, IEnumerable<int> values) =>
        [new ChartSeries<double> { Name = name, Data = new ChartData<double>([.. values.Select(v => (double)v)]) }];

    private static string Shorten(string label) =>
        label.Length <= MaxLabelLength ? label : string.Concat(label.AsSpan(0, MaxLabelLength - 1), "…");

    private static string AttributeCaption(AttributeDistribution attribute) =>
        string.Format(CultureInfo.CurrentCulture, "{0:N0} end-users · {1:N0} values", attribute.EndUsers, attribute.DistinctValues);

    private static string EventLabel(InteractionType type) => type switch
    {
        InteractionType.View => "View",
        InteractionType.Click => "Click",
        InteractionType.AddToCart => "Add to cart",
        InteractionType.Purchase => "Purchase",
        InteractionType.Rating => "Rating",
        _ => type.ToString(),
    };

    private static string Format(DateTime utc) => Dashboard.Application.Common.UtcText.Format(utc);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    private static string Format(decimal? price) => price?.ToString("N2", CultureInfo.CurrentCulture) ?? string.Empty;
}
