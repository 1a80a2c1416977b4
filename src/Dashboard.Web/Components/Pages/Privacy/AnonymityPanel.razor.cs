using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Privacy;

/// <summary>
/// The Privacy page's k-anonymity part: k with its guidance, the generalisation rule of each quasi-identifier and the
/// k-anonymity report computed on request. People without ManagePrivacy see the settings read-only.
/// </summary>
public sealed partial class AnonymityPanel
{
    private const string Numeric = "text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap";

    private AnonymitySettingsView? _settings;
    private List<GeneralisationDraft> _drafts = [];
    private IReadOnlyList<KAnonymityFigures>? _figures;
    private int _k;
    private string? _kError;
    private string? _error;
    private bool _canEdit;
    private bool _computing;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private AnonymitySettingsService Settings { get; set; } = default!;

    [Inject]
    private GeneralisationRulesService Rules { get; set; } = default!;

    [Inject]
    private IKAnonymityReport Report { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _canEdit = (await CurrentUser.GetAsync()).Can(Policies.ManagePrivacy);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _settings = await Settings.GetAsync();
        _k = _settings.K;
        _drafts = [.. (await Rules.ListAsync()).Select(r => new GeneralisationDraft(r))];
    }

    // Out-of-range k goes to the service rather than being clamped by the field, so the refusal is shown, not hidden.
    // Editing clears the last refusal: the field's own validation clears it too, and a repeated identical message
    // would otherwise not be shown again.
    private void KChanged(int k)
    {
        _k = k;
        _kError = null;
    }

    private async Task SaveKAsync()
    {
        var result = await Settings.SaveKAsync(_k);
        _kError = result.Problems.Count > 0 ? result.Problems[0].Message : null;
        if (result.Succeeded)
        {
            Snackbar.Add(string.Create(CultureInfo.CurrentCulture, $"k is {_k} now; compute the report to see what it suppresses."), Severity.Success);
            await LoadAsync();
        }
    }

    private static void ChooseKind(GeneralisationDraft draft, GeneralisationKind? kind)
    {
        draft.Kind = kind;
        draft.Parameter = GeneralisationDraft.DefaultParameter(kind);
        draft.Error = null;
    }

    private async Task SaveRuleAsync(GeneralisationDraft draft)
    {
        if (draft.Kind is not { } kind)
        {
            if (draft.Rule.Kind is not null)
            {
                var removed = await Rules.RemoveAsync(draft.Rule.AttributeKey);
                _error = removed.Succeeded ? null : string.Join(" ", removed.Errors);
            }

            await LoadAsync();
            return;
        }

        var result = await Rules.SaveAsync(draft.Rule.AttributeKey, kind, draft.Parameter);
        if (!result.Succeeded)
        {
            draft.Error = string.Join(" ", result.Problems.Select(p => p.Message));
            return;
        }

        Snackbar.Add($"“{draft.Rule.AttributeKey}” is generalised by the new rule.", Severity.Success);
        await LoadAsync();
    }

    private async Task ComputeAsync()
    {
        _computing = true;
        _error = null;
        StateHasChanged();
        try
        {
            _figures = await Report.ComputeAsync(CancellationToken.None);
        }
        catch (ForbiddenAccessException)
        {
            _error = "Only compliance officers and admins may compute the k-anonymity report.";
        }
        finally
        {
            _computing = false;
        }
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
