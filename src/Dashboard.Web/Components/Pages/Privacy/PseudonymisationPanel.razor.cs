using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Jobs;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Privacy;

/// <summary>
/// Pseudonymisation on the Privacy page: whether it is on, the key's age, "Turn on" and "Rotate key" (each asks first
/// and says what happens), the re-key job's progress, and the explanation of why it cannot be turned off.
/// </summary>
public sealed partial class PseudonymisationPanel
{
    private PseudonymisationView? _view;
    private JobRunView? _run;
    private RekeyReason? _confirming;
    private string? _refusal;
    private Poller? _poller;

    [Inject]
    private PseudonymisationService Pseudonymisation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool IsRunning => _run is { State: JobState.Queued or JobState.Running };

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _poller = new Poller(TimeSpan.FromSeconds(1), async () =>
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
        _view = await Pseudonymisation.GetAsync();
        _run = _view.LatestRun;
    }

    private void FollowRun()
    {
        if (IsRunning && RendererInfo.IsInteractive)
        {
            _poller?.EnsureRunning();
        }
    }

    private void Ask(RekeyReason reason)
    {
        _refusal = null;
        _confirming = reason;
    }

    private async Task ConfirmAsync()
    {
        if (_confirming is not { } reason)
        {
            return;
        }

        _confirming = null;
        try
        {
            var request = reason == RekeyReason.TurnOn ? await Pseudonymisation.TurnOnAsync() : await Pseudonymisation.RotateKeyAsync();
            Snackbar.Add(request.Message, request.Queued ? Severity.Success : Severity.Info);
            await LoadAsync();
            FollowRun();
        }
        catch (Exception ex) when (ex is ValidationException or ForbiddenAccessException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private async Task TurnOffAsync()
    {
        _confirming = null;
        _refusal = (await Pseudonymisation.TurnOffAsync()).Message;
    }

    private static string ConfirmText(RekeyReason reason) => reason == RekeyReason.TurnOn
        ? "Turn pseudonymisation on? A job replaces every stored end-user id — end-users, the log of served recommendations and " +
          "the trained models — by its keyed hash, in one step; until it finishes everything works as before. " +
          "This cannot be undone: pseudonymisation cannot be turned off again, because the original ids are not kept."
        : "Rotate the key? A job makes a new key and re-keys every stored pseudonym with it (the old pseudonyms are no longer " +
          "stored). Your systems keep sending the same ids and get the same recommendations.";

    private static string KeyAge(TimeSpan? age) => age is not { } a ? "age unknown"
        : a.TotalDays >= 1 ? $"{Math.Floor(a.TotalDays).ToString("N0", CultureInfo.CurrentCulture)} days old"
        : "less than a day old";

    private static string KeysText(int keys) => keys <= 1 ? "never rotated" : $"rotated {(keys - 1).ToString("N0", CultureInfo.CurrentCulture)} times";

    public async ValueTask DisposeAsync()
    {
        if (_poller is not null)
        {
            await _poller.DisposeAsync();
        }
    }
}
