using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.Training;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Serving;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Algorithms;

public sealed partial class AlgorithmsPage
{
    private IReadOnlyList<BlendRow> _rows = [];
    private bool _loading = true;
    private bool _canManage;
    private string? _newName;
    private string? _newNameError;

    [Inject]
    private BlendService Blends { get; set; } = default!;

    [Inject]
    private ModelVersionService Versions { get; set; } = default!;

    [Inject]
    private ModelTrainingService Training { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private static string DefaultComponents => string.Join(" and ", BlendSpec.Default.Components.Select(c => ComponentCatalog.Describe(c.Kind).DisplayName.ToLowerInvariant()));

    protected override async Task OnInitializedAsync()
    {
        _canManage = (await CurrentUser.GetAsync()).Can(Policies.ManageBlendsAndCampaigns);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var rows = new List<BlendRow>();
        foreach (var blend in await Blends.ListAsync())
        {
            var versions = await Versions.ListAsync(blend.Id);
            rows.Add(new BlendRow(blend, versions.FirstOrDefault(v => v.IsActive)?.Metrics.NdcgAt10, versions.Count == 0 ? null : versions.Max(v => v.CreatedAtUtc), versions.Count));
        }

        _rows = rows;
        _loading = false;
    }

    private async Task CreateAsync()
    {
        var result = await Blends.CreateAsync(new BlendInput(_newName ?? string.Empty, BlendSpec.Default));
        if (!result.Succeeded)
        {
            _newNameError = string.Join(" ", result.Problems.Select(p => p.Message));
            return;
        }

        _newNameError = null;
        Navigation.NavigateTo($"/algorithms/{result.Id}");
    }

    private async Task TrainNowAsync(BlendRow row)
    {
        var request = await Training.TrainNowAsync(row.Blend.Id);
        Snackbar.Add(request.Message, request.Queued ? Severity.Success : Severity.Warning);
    }

    private async Task DeleteAsync(BlendRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete blend",
            DeleteWarning(row.Blend.Name, row.VersionCount),
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Blends.DeleteAsync(row.Blend.Id);
        if (!result.Succeeded)
        {
            Snackbar.Add(string.Join(" ", result.Errors), Severity.Error);
            return;
        }

        Snackbar.Add($"“{row.Blend.Name}” deleted.", Severity.Success);
        await LoadAsync();
    }

    /// <summary>What deleting takes away, said before it happens.</summary>
    internal static string DeleteWarning(string name, int versionCount) =>
        $"Delete “{name}”? Its {versionCount} trained version{(versionCount == 1 ? string.Empty : "s")} and their stored models are deleted too, " +
        "its schedule stops, and anything asking for its recommendations (the API, campaigns) gets none. This cannot be undone.";

    private sealed record BlendRow(BlendView Blend, double? ActiveNdcg, DateTime? LastTrainedUtc, int VersionCount);
}
