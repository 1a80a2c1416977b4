using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Campaigns;

public sealed partial class CampaignDetailPage
{
    private CampaignView? _view;
    private bool _canManage;
    private bool _busy;
    private IReadOnlyList<string>? _refusal;
    private string _refusalTitle = string.Empty;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private CampaignService Campaigns { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _canManage = (await CurrentUser.GetAsync()).Can(Policies.ManageBlendsAndCampaigns);
        _view = await Campaigns.GetAsync(Id);
    }

    private async Task StartAsync()
    {
        if (_view!.StartsAtUtc <= Time.GetUtcNow().UtcDateTime)
        {
            await ActAsync(
                "Start campaign",
                $"Start “{_view.Name}” now for the segment “{_view.SegmentName}”? Lists are served from its blends at once; it can no longer be changed until you pause it.",
                "Start", "It cannot start:", () => Campaigns.StartAsync(Id), "started");
            return;
        }

        // A start date still ahead: schedule it for then, or start at once (the start date becomes now).
        var choice = await Dialogs.ShowMessageBoxAsync("Start campaign",
            $"“{_view.Name}” is set to start {UtcText.Format(_view.StartsAtUtc)}. Schedule it for then, or start it now for the segment “{_view.SegmentName}”? " +
            "Either way it can no longer be changed until you pause it.",
            yesText: "Schedule", noText: "Start now", cancelText: "Cancel");
        if (choice is null)
        {
            return;
        }

        await RunAsync("It cannot start:", () => Campaigns.StartAsync(Id, now: choice == false), choice == false ? "started" : "scheduled");
    }

    private Task PauseAsync() => ActAsync(
        "Pause campaign", $"Pause “{_view!.Name}”? Requests for it are refused until you resume it.", "Pause", "It cannot be paused:", () => Campaigns.PauseAsync(Id), "paused");

    private Task ResumeAsync() => ActAsync(
        "Resume campaign", $"Resume “{_view!.Name}”? Its blends and segment are checked again first.", "Resume", "It cannot resume:", () => Campaigns.ResumeAsync(Id), "resumed");

    private Task EndAsync() => ActAsync(
        "End campaign", $"End “{_view!.Name}”? An ended campaign cannot be started again; its results stay.", "End", "It cannot be ended:", () => Campaigns.EndAsync(Id), "ended");

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete campaign",
            $"Delete “{_view!.Name}” with its arms and exports? Lists it served stay in the statistics. This cannot be undone.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Campaigns.DeleteAsync(Id);
        if (!result.Succeeded)
        {
            (_refusalTitle, _refusal) = ("It cannot be deleted:", result.Errors);
            return;
        }

        Snackbar.Add($"“{_view.Name}” deleted.", Severity.Success);
        Navigation.NavigateTo("/campaigns");
    }

    /// <summary>Asks first; then acts, and shows every reason the service gave when it refused.</summary>
    private async Task ActAsync(string title, string question, string yes, string refusedTitle, Func<Task<Result>> action, string done)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(title, question, yesText: yes, cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(refusedTitle, action, done);
    }

    /// <summary>Acts, and shows every reason the service gave when it refused.</summary>
    private async Task RunAsync(string refusedTitle, Func<Task<Result>> action, string done)
    {
        _busy = true;
        try
        {
            var result = await action();
            if (result.Succeeded)
            {
                _refusal = null;
                Snackbar.Add($"“{_view!.Name}” {done}.", Severity.Success);
            }
            else
            {
                (_refusalTitle, _refusal) = (refusedTitle, result.Errors);
            }

            _view = await Campaigns.GetAsync(Id);
        }
        finally
        {
            _busy = false;
        }
    }
}
