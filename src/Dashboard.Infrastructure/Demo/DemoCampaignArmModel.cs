using Dashboard.Domain.Campaigns;
using Dashboard.Recommender.Serving;

namespace Dashboard.Infrastructure.Demo;

/// <summary>The model serving one arm of the demo campaign now, and the blend and version its served lists are logged under.</summary>
public sealed record DemoCampaignArmModel(CampaignArm Arm, Guid BlendId, Guid VersionId, BlendModel Model);
