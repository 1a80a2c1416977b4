using Dashboard.Application.Common;
using Dashboard.Application.Tests.Support;

namespace Dashboard.Application.Tests.Campaigns;

/// <summary>What <see cref="CampaignTestKit.StartAsync"/> sets up; disposing it stops the host.</summary>
internal sealed record CampaignKit(TestHost Host, CallerContext Admin, Guid DefaultBlendId, Guid PopularBlendId, Guid EveryoneSegmentId) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
