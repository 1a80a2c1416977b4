namespace Dashboard.Application.Campaigns.Segments;

/// <summary>A deleted segment and the campaigns that lost their audience with it (they keep running on nothing until given another segment).</summary>
public sealed record SegmentDeletion(string Name, IReadOnlyList<string> CampaignsWithoutAudience)
{
    public string Message => CampaignsWithoutAudience.Count switch
    {
        0 => $"“{Name}” deleted.",
        1 => $"“{Name}” deleted. The campaign “{CampaignsWithoutAudience[0]}” has no audience now; choose another segment for it.",
        _ => $"“{Name}” deleted. The campaigns {SegmentText.Names(CampaignsWithoutAudience)} have no audience now; choose another segment for them.",
    };
}
