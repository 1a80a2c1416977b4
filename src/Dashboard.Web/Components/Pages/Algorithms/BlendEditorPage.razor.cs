using System.Globalization;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.Training;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Serving;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Algorithms;

public sealed partial class BlendEditorPage
{
    private const int VersionsTab = 2;

    private BlendView? _view;
    private BlendForm? _form;
    private IReadOnlySet<string> _placed = new HashSet<string>();
    private DataProfile? _profile;
    private bool _canManage;
    private bool _busy;
    private int _tab;
    private string? _trainingMessage;
    private bool _trainingQueued;

    [Parameter]
    public Guid Id { get; set; }

    /// <summary>"versions" opens the Versions tab (the Algorithms list links to it).</summary>
    [SupplyParameterFromQuery(Name = "tab")]
    public string? Tab { get; set; }

    [Inject]
    private BlendService Blends { get; set; } = default!;

    [Inject]
    private ModelTrainingService Training { get; set; } = default!;

    [Inject]
    private ModelVersionService Versions { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _canManage = (await CurrentUser.GetAsync()).Can(Policies.ManageBlendsAndCampaigns);
        _tab = string.Equals(Tab, "versions", StringComparison.OrdinalIgnoreCase) ? VersionsTab : 0;
        _profile = await Blends.DataProfileAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _view = await Blends.GetAsync(Id);
        _form = BlendForm.From(_view);
        _placed = _form.PlacedKeys();
    }

    private bool Has(string key) => _form?.Message(key) is not null;

    private string? Msg(string key) => _form?.Message(key);

    /// <summary>Why the organisation's data cannot feed a component, said before anyone tries; null when it can.</summary>
    private string? Unusable(ComponentDescriptor descriptor) => _profile switch
    {
        { HasRatings: false } when descriptor.NeedsRatings => "Your data has no star ratings, so this component cannot be used.",
        { HasItemText: false } when descriptor.NeedsItemText => "Your items have no titles, categories or tags, so this component cannot be used.",
        _ => null,
    };

    private static string Range(OptionDescriptor option) =>
        $"{option.Min?.ToString("0.####", CultureInfo.InvariantCulture)}–{option.Max?.ToString("0.####", CultureInfo.InvariantCulture)}";

    private string NextRunsText()
    {
        if (_form is null)
        {
            return string.Empty;
        }

        var runs = TrainingScheduleRules.NextRuns(_form.Schedule, _form.CronExpression, Time.GetUtcNow().UtcDateTime, BlendService.NextRunsShown);
        return runs.Count == 0
            ? (_form.Schedule == Domain.Blends.TrainingSchedule.None ? "No scheduled trainings." : "Next runs appear once the cron expression is valid.")
            : "Next runs: " + string.Join(", ", runs.Select(UtcText.Format));
    }

    private async Task SaveAsync()
    {
        if (_form is null)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Blends.UpdateAsync(Id, _form.ToInput());
            if (!result.Succeeded)
            {
                _form.ShowProblems(result.Problems);
                Snackbar.Add("Not saved: see the messages at the fields.", Severity.Warning);
                return;
            }

            await LoadAsync();
            Snackbar.Add($"“{_view!.Name}” saved. Train it to use the new settings.", Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task TrainNowAsync()
    {
        var request = await Training.TrainNowAsync(Id);
        (_trainingMessage, _trainingQueued) = (request.Message, request.Queued);
    }

    private async Task DeleteAsync()
    {
        var versions = await Versions.ListAsync(Id);
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete blend", AlgorithmsPage.DeleteWarning(_view?.Name ?? string.Empty, versions.Count), yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Blends.DeleteAsync(Id);
        if (!result.Succeeded)
        {
            Snackbar.Add(string.Join(" ", result.Errors), Severity.Error);
            return;
        }

        Snackbar.Add($"“{_view?.Name}” deleted.", Severity.Success);
        Navigation.NavigateTo("/algorithms");
    }
}
