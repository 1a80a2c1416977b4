using System.Globalization;
using Dashboard.Application.Recommendations;
using Dashboard.Recommender.Serving;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Shared;

public sealed partial class RecommendationListCard
{
    [Parameter, EditorRequired]
    public string Title { get; set; } = string.Empty;

    /// <summary>The blend the list comes from, as the card's data-blend attribute (tests and the browser test find lists by it).</summary>
    [Parameter]
    public string? BlendName { get; set; }

    /// <summary>The list; null shows <see cref="NoListText"/> instead.</summary>
    [Parameter]
    public RecommendationList? List { get; set; }

    [Parameter]
    public string NoListText { get; set; } = "No list.";

    /// <summary>The end-user's latest interactions: the explanations say what they did with the items they name.</summary>
    [Parameter]
    public IReadOnlyList<PreviewHistoryItem> History { get; set; } = [];

    /// <summary>Items also in a list shown beside this one, marked "In both lists".</summary>
    [Parameter]
    public IReadOnlySet<string>? Shared { get; set; }

    /// <summary>Shown under the title, before the list (e.g. the arm a campaign preview's end-user is in).</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    private static string Score(RecommendedItem item) => item.Score.ToString("0.000", CultureInfo.InvariantCulture);

    private static IReadOnlyList<BarListItem> Shares(RecommendedItem item) =>
        [.. item.Explanation.Components.Select(c => new BarListItem(c.DisplayName, Math.Max(0, c.Share), c.Share.ToString("0.000", CultureInfo.InvariantCulture)))];
}
