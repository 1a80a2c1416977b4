using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Domain.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.BiasAudits;

public sealed partial class ThresholdsPanel
{
    internal const string ConfirmText = "Audits from now on are judged by these; past audits keep theirs.";

    private FairnessSettingsView? _draft;
    private Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private bool _canEdit;

    // An outlined field with spin buttons reads as editable even when read-only; plain text fields read as values.
    private Variant FieldVariant => _canEdit ? Variant.Outlined : Variant.Text;

    [Inject]
    private FairnessSettingsService Settings { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _canEdit = (await CurrentUser.GetAsync()).Can(Policies.SignOffAudits);
        _draft = await Settings.GetAsync();
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? Msg(string field) => _errors.GetValueOrDefault(field);

    // Editing a field clears its last refusal, so a second refusal with the same message shows again.
    private void Edit(FairnessSettingsView draft, string? field)
    {
        _draft = draft;
        if (field is not null)
        {
            _errors.Remove(field);
        }
    }

    private async Task SaveAsync()
    {
        if (_draft is null)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync("Save the bias-audit thresholds?", ConfirmText, yesText: "Save thresholds", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Settings.SaveAsync(_draft);
        _errors = result.Problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Message, StringComparer.Ordinal);
        if (result.Succeeded)
        {
            _draft = await Settings.GetAsync();
            Snackbar.Add("Thresholds saved. " + ConfirmText, Severity.Success);
        }
    }
}
