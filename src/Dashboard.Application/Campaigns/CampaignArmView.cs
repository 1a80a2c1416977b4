namespace Dashboard.Application.Campaigns;

/// <summary>An arm as the pages show it: <see cref="BlendName"/> says "blend deleted" when its blend is gone.</summary>
public sealed record CampaignArmView(Guid Id, string Name, Guid? BlendId, string BlendName, int SharePercent)
{
    public bool BlendDeleted => BlendId is null;
}
