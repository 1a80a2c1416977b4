using Dashboard.Application.Privacy.Retention;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Privacy;

/// <summary>The retention period (days or empty), "Run now" and the past runs with what each deleted.</summary>
public sealed partial class RetentionPanel
{
    private RetentionView? _view;
    private int? _days;
    private string? _error;

    [Inject]
    private RetentionService Retention { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _days = _view?.RetentionDays;
    }

    private async Task LoadAsync() => _view = await Retention.GetAsync();

    // Editing clears the last refusal. The field's own validation clears its error when the value changes, so a second
    // refusal with the same message would otherwise leave _error unchanged and show nothing.
    private void DaysChanged(int? days)
    {
        _days = days;
        _error = null;
    }

    private async Task SaveAsync()
    {
        var messages = await Retention.SetRetentionDaysAsync(_days);
        _error = messages.Count > 0 ? messages[0].Message : null;
        if (_error is null)
        {
            await LoadAsync();
            Snackbar.Add(_days is null ? "Interactions are kept until an end-user is erased." : $"Interactions older than {_days} days are deleted daily.", Severity.Success);
        }
    }

    private async Task RunNowAsync()
    {
        await Retention.RunNowAsync();
        Snackbar.Add("Retention run queued; follow it on the Jobs page.", Severity.Info);
    }
}
