using System.Globalization;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Privacy;

/// <summary>
/// The Privacy page's differential-privacy part: ε per query and the monthly budget, this month's spend and the
/// ledger of who was shown which noisy figure.
/// </summary>
public sealed partial class BudgetPanel
{
    private BudgetStatus? _status;
    private double _perQuery;
    private double _budget;
    private IReadOnlyList<FieldMessage> _problems = [];
    private bool _canEdit;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private AnonymitySettingsService Settings { get; set; } = default!;

    [Inject]
    private DifferentialPrivacyService Privacy { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private string? PerQueryError => Problem("EpsilonPerQuery");

    private string? BudgetError => Problem("EpsilonBudgetPerMonth");

    protected override async Task OnInitializedAsync()
    {
        _canEdit = (await CurrentUser.GetAsync()).Can(Policies.ManagePrivacy);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _status = await Privacy.StatusAsync();
        _perQuery = _status.EpsilonPerQuery;
        _budget = _status.EpsilonBudgetPerMonth;
    }

    // No Min on the fields: a negative ε reaches the service and its message is shown instead of being clamped to 0.
    private void PerQueryChanged(double value)
    {
        _perQuery = value;
        _problems = [];
    }

    private void BudgetChanged(double value)
    {
        _budget = value;
        _problems = [];
    }

    private async Task SaveAsync()
    {
        var result = await Settings.SaveBudgetAsync(_perQuery, _budget);
        _problems = result.Problems;
        if (result.Succeeded)
        {
            Snackbar.Add("The differential-privacy settings are saved.", Severity.Success);
            await LoadAsync();
        }
    }

    private string? Problem(string field) => _problems.FirstOrDefault(p => p.Field == field)?.Message;

    private static string E(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
