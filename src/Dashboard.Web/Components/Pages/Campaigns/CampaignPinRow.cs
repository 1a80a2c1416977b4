namespace Dashboard.Web.Components.Pages.Campaigns;

/// <summary>A promoted item held at a position, as the campaign editor edits it.</summary>
public sealed class CampaignPinRow
{
    public string ItemId { get; set; } = string.Empty;

    public int Position { get; set; } = 1;
}
