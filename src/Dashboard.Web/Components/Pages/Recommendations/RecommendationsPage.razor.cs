using Dashboard.Application.Blends;
using Dashboard.Application.Recommendations;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Recommendations;

public sealed partial class RecommendationsPage
{
    private IReadOnlyList<BlendView> _blends = [];
    private Guid _blendId;
    private Guid _compareId;
    private string? _endUserId;
    private IReadOnlyList<PreviewHistoryItem> _history = [];
    private PreviewList? _list;
    private PreviewList? _compared;
    private HashSet<string> _shared = [];

    /// <summary>An end-user to open the page with, e.g. from a link.</summary>
    [SupplyParameterFromQuery(Name = "user")]
    public string? User { get; set; }

    [Inject]
    private BlendService Blends { get; set; } = default!;

    [Inject]
    private RecommendationPreviewService Preview { get; set; } = default!;

    private IReadOnlyList<PreviewList> Lists => _compared is null ? (_list is null ? [] : [_list]) : [_list!, _compared];

    protected override async Task OnInitializedAsync()
    {
        _blends = await Blends.ListAsync();
        var first = _blends.FirstOrDefault(b => b.Name == BlendDefaults.DefaultBlendName && b.ActiveVersionId is not null)
            ?? _blends.FirstOrDefault(b => b.ActiveVersionId is not null)
            ?? (_blends.Count > 0 ? _blends[0] : null);
        _blendId = first?.Id ?? Guid.Empty;
        if (!string.IsNullOrWhiteSpace(User))
        {
            await ChooseEndUserAsync(User.Trim());
        }
    }

    private async Task<IEnumerable<string>> FindAsync(string? text, CancellationToken cancellationToken) =>
        await Preview.FindEndUsersAsync(text, cancellationToken);

    private async Task ChooseEndUserAsync(string? endUserId)
    {
        _endUserId = string.IsNullOrWhiteSpace(endUserId) ? null : endUserId;
        await RefreshAsync();
    }

    private async Task ChooseBlendAsync(Guid blendId)
    {
        _blendId = blendId;
        if (_compareId == blendId)
        {
            _compareId = Guid.Empty;
        }

        await RefreshAsync();
    }

    private async Task ChooseCompareAsync(Guid blendId)
    {
        _compareId = blendId;
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        if (_endUserId is null || _blendId == Guid.Empty)
        {
            (_history, _list, _compared, _shared) = ([], null, null, []);
            return;
        }

        _history = await Preview.HistoryAsync(_endUserId);
        _list = await Preview.RecommendAsync(_blendId, _endUserId, ListSize(_blendId));
        _compared = _compareId == Guid.Empty ? null : await Preview.RecommendAsync(_compareId, _endUserId, ListSize(_compareId));
        _shared = _compared?.List is { } other && _list.List is { } mine
            ? [.. mine.Items.Select(i => i.ItemId).Intersect(other.Items.Select(i => i.ItemId), StringComparer.Ordinal)]
            : [];
    }

    private int ListSize(Guid blendId) => _blends.FirstOrDefault(b => b.Id == blendId)?.Spec.ListSize ?? 10;
}
