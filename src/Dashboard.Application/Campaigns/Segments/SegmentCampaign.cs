using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>A campaign whose audience is the segment, with its state now.</summary>
public sealed record SegmentCampaign(Guid Id, string Name, CampaignState State);
