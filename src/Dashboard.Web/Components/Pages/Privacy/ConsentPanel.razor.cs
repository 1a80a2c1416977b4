using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Privacy;

public partial class ConsentPanel
{
    private IReadOnlyList<ConsentPurposeView> _purposes = [];
    private IReadOnlyList<ConsentCoverage> _coverage = [];
    private bool _noRecordMeansConsented;
    private bool _busy;
    private string? _error;

    [Inject]
    private ConsentService Consent { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _purposes = await Consent.PurposesAsync();
        _coverage = await Consent.CoverageAsync();
        _noRecordMeansConsented = await Consent.NoRecordMeansConsentedAsync();
    }

    private async Task ChangeNoRecordAsync(bool value)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            value ? "Count end-users without a record as consented?" : "Count end-users without a record as not consented?",
            value
                ? "End-users you hold no consent record for will get personalised lists from now on and be trained on from the next training. " +
                  "Only do this if your privacy notice allows it. The audit log keeps who changed it."
                : "End-users you hold no consent record for will get the popular items from now on and be left out of the next training. " +
                  "The audit log keeps who changed it.",
            yesText: "Change",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            await Consent.SetNoRecordMeansConsentedAsync(value);
            _error = null;
            await LoadAsync();
        }
        catch (ForbiddenAccessException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task AddPurposeAsync()
    {
        var dialog = await Dialogs.ShowAsync<AddConsentPurposeDialog>("Add a consent purpose", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
