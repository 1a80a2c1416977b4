namespace Dashboard.Web.Components.Pages.Campaigns;

/// <summary>A promoted item raised by a boost, as the campaign editor edits it.</summary>
public sealed class CampaignBoostRow
{
    public string ItemId { get; set; } = string.Empty;

    public double Boost { get; set; } = 0.2;
}
