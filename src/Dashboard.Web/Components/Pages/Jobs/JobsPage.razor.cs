using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Jobs;

public sealed partial class JobsPage
{
    private IReadOnlyList<JobRunView> _runs = [];
    private IReadOnlySet<JobKind> _runnable = new HashSet<JobKind>();
    private IReadOnlySet<JobKind> _rerunnable = new HashSet<JobKind>();
    private Poller? _poller;

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private bool HasActiveJobs => _runs.Any(j => j.State is JobState.Queued or JobState.Running);

    protected override async Task OnInitializedAsync()
    {
        _runnable = await Jobs.RunnableKindsAsync();
        _rerunnable = await Jobs.RerunnableKindsAsync();
        _runs = await Jobs.ListAsync(100);
        _poller = new Poller(TimeSpan.FromSeconds(1), async () =>
        {
            var wasActive = HasActiveJobs;
            _runs = await Jobs.ListAsync(100);
            await InvokeAsync(StateHasChanged);
            return wasActive || HasActiveJobs;
        });
        if (HasActiveJobs && RendererInfo.IsInteractive)
        {
            _poller.EnsureRunning();
        }
    }

    private async Task RunAgainAsync(JobRunView run)
    {
        try
        {
            var replaced = await Jobs.WhatRunAgainReplacesAsync(run.Id);
            if (!await ConfirmReplaceDialog.ConfirmAsync(Dialogs, "Replace your data?", $"Running \"{JobRunTable.KindName(run.Kind)}\" again", replaced))
            {
                return;
            }

            await Jobs.RunAgainAsync(run.Id);
            Snackbar.Add($"\"{JobRunTable.KindName(run.Kind)}\" queued again.", Severity.Success);
            _runs = await Jobs.ListAsync(100);
            _poller?.EnsureRunning();
        }
        catch (ForbiddenAccessException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        catch (NotFoundException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        catch (System.ComponentModel.DataAnnotations.ValidationException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private async Task CancelAsync(JobRunView run)
    {
        var name = JobRunTable.KindName(run.Kind);
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Cancel \"{name}\"?",
            run.State == JobState.Queued
                ? "The job has not started yet; it will not run."
                : "The job stops within a few seconds and keeps nothing of what it has done so far: no data or model version is half-written, and what was there before stays as it was.",
            yesText: "Cancel the job",
            cancelText: "Keep it running");
        if (confirmed != true)
        {
            return;
        }

        try
        {
            Snackbar.Add(await Jobs.CancelAsync(run.Id), Severity.Info);
            _runs = await Jobs.ListAsync(100);
            _poller?.EnsureRunning();
        }
        catch (ForbiddenAccessException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        catch (NotFoundException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_poller is not null)
        {
            await _poller.DisposeAsync();
        }
    }
}
