using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Dashboard.Application.Blends;
using Dashboard.Application.Blends.Tuning;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Algorithms;

/// <summary>
/// "Tune weights" for one blend: starts the tuning job, follows its progress, and shows the chosen weights
/// and NDCG@10 before and after, to apply or dismiss. Without <see cref="CanEdit"/> it only shows.
/// </summary>
public sealed partial class TuneWeightsPanel
{
    private JobRunView? _run;
    private WeightTuningView? _latest;
    private Poller? _poller;
    private bool _confirming;

    [Parameter]
    public Guid BlendId { get; set; }

    [Parameter]
    public bool CanEdit { get; set; }

    /// <summary>Raised after the weights were applied, for the editor to reload the blend.</summary>
    [Parameter]
    public EventCallback OnApplied { get; set; }

    [Inject]
    private BlendTuningService Tuning { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool IsRunning => _run is { State: JobState.Queued or JobState.Running };

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _poller ??= new Poller(TimeSpan.FromSeconds(1), async () =>
        {
            var wasRunning = IsRunning;
            await LoadAsync();
            await InvokeAsync(StateHasChanged);
            return wasRunning && IsRunning;
        });
        FollowRun();
    }

    private async Task LoadAsync()
    {
        _run = await Tuning.LatestRunAsync(BlendId);
        _latest = await Tuning.LatestAsync(BlendId);
    }

    private void FollowRun()
    {
        if (IsRunning && RendererInfo.IsInteractive)
        {
            _poller?.EnsureRunning();
        }
    }

    private async Task StartAsync()
    {
        try
        {
            var request = await Tuning.StartAsync(BlendId);
            Snackbar.Add(request.Message, request.Queued ? Severity.Success : Severity.Info);
            _confirming = false;
            await LoadAsync();
            FollowRun();
        }
        catch (Exception ex) when (ex is ValidationException or ForbiddenAccessException or NotFoundException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private async Task ApplyAsync()
    {
        if (_latest is null)
        {
            return;
        }

        try
        {
            var result = await Tuning.ApplyAsync(_latest.Id);
            _confirming = false;
            if (result.Succeeded)
            {
                Snackbar.Add("The tuned weights were applied; the next training uses them.", Severity.Success);
                await OnApplied.InvokeAsync();
            }
            else
            {
                Snackbar.Add(string.Join(" ", result.Problems.Select(p => p.Message)), Severity.Error);
            }

            await LoadAsync();
        }
        catch (Exception ex) when (ex is ForbiddenAccessException or NotFoundException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private async Task DismissAsync()
    {
        try
        {
            await Tuning.DismissAsync(_latest!.Id);
            await LoadAsync();
        }
        catch (Exception ex) when (ex is ForbiddenAccessException or NotFoundException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private static string Weight(double value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    private static string Ndcg(double value) => value.ToString("0.0000", CultureInfo.CurrentCulture);

    public async ValueTask DisposeAsync()
    {
        if (_poller is not null)
        {
            await _poller.DisposeAsync();
        }
    }
}
