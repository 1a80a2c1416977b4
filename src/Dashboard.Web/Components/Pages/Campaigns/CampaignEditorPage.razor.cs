using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Campaigns;

public sealed partial class CampaignEditorPage
{
    private CampaignForm? _form;
    private CampaignEditorChoices? _choices;
    private IReadOnlyList<FieldMessage> _problems = [];
    private string _name = string.Empty;
    private string? _notEditable;
    private bool _canManage;
    private bool _saving;

    /// <summary>The campaign to change; null adds a new one.</summary>
    [Parameter]
    public Guid? Id { get; set; }

    [Inject]
    private CampaignService Campaigns { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private bool ReadOnly => !_canManage || _notEditable is not null;

    private string ChannelHelp => _form?.Channel == CampaignChannel.Email
        ? "Lists are exported to a CSV file for your mailing tool."
        : "Your site or app asks the serving API with campaign=.";

    /// <summary>Messages whose field no input on this page shows (the form as a whole, or a rule the rules editor does not place).</summary>
    private IEnumerable<string> Unplaced => _problems
        .Where(p => p.Field.Length == 0)
        .Select(p => p.Message);

    protected override async Task OnParametersSetAsync()
    {
        _canManage = (await CurrentUser.GetAsync()).Can(Policies.ManageBlendsAndCampaigns);
        _choices = await Campaigns.ChoicesAsync();
        if (Id is { } id)
        {
            var view = await Campaigns.GetAsync(id);
            _name = view.Name;
            _form = CampaignForm.From(view);
            _notEditable = view.CanEdit ? null : $"“{view.Name}” is {view.EffectiveState.ToString().ToLowerInvariant()}: only a draft or a paused campaign can be changed.";
        }
        else
        {
            _form = CampaignForm.New(Time.GetUtcNow().UtcDateTime, _choices);
        }
    }

    private void SetExperiment(bool on) => _form?.SetExperiment(on);

    private async Task SaveAsync()
    {
        if (_form is null)
        {
            return;
        }

        _saving = true;
        try
        {
            var input = _form.ToInput();
            var result = Id is { } id ? await Campaigns.UpdateAsync(id, input) : await Campaigns.CreateAsync(input);
            if (result.Succeeded)
            {
                Navigation.NavigateTo($"/campaigns/{(Id ?? result.Id)}");
                return;
            }

            _problems = result.Problems;
        }
        finally
        {
            _saving = false;
        }
    }

    internal static string ArmKey(int index, string field) => $"{nameof(CampaignInput.Arms)}[{index}].{field}";

    private bool Has(string field) => _problems.Any(p => p.Field == field);

    private string? Msg(string field) => _problems.Where(p => p.Field == field).Select(p => p.Message) is var messages && messages.Any() ? string.Join(" ", messages) : null;
}
