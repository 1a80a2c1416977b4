namespace Dashboard.Web.Components.Pages.Campaigns;

/// <summary>One arm in the campaign editor; <see cref="Id"/> is kept for an arm that already exists, so its results stay attributed to it.</summary>
public sealed class CampaignArmRow
{
    public Guid? Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public Guid? BlendId { get; set; }

    public int SharePercent { get; set; }
}
