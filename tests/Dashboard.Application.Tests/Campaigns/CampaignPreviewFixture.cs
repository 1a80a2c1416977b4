using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Tests.Training;
using Dashboard.Domain.Campaigns;
using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Tests.Campaigns;

/// <summary>
/// One organisation for the preview tests, set up once (training is the slow part): the small generated data set,
/// its Default blend trained and active, a "Popular" blend never trained, and an "Everyone" segment. Each test adds
/// campaigns of its own.
/// </summary>
public sealed class CampaignPreviewFixture : IAsyncLifetime
{
    private int _campaigns;

    internal TestHost Host { get; private set; } = default!;

    internal CallerContext Admin { get; private set; } = default!;

    public Guid DefaultBlendId { get; private set; }

    public Guid PopularBlendId { get; private set; }

    public Guid SegmentId { get; private set; }

    public async Task InitializeAsync()
    {
        (Host, Admin, DefaultBlendId) = await TrainingTestKit.StartAsync();
        await TrainingTestKit.TrainAsync(Host, Admin.TenantId, DefaultBlendId);
        PopularBlendId = (await Host.InScopeAsync<BlendService, BlendSaveResult>(s => s.CreateAsync(new BlendInput("Popular", BlendSpec.Default)))).Id;
        await using var db = Host.CreateTenantContext(Admin.TenantId);
        var segment = new Segment
        {
            Id = Guid.CreateVersion7(), Name = "Everyone", DefinitionJson = SegmentDefinition.Everyone.ToJson(), CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
        db.Segments.Add(segment);
        await db.SaveChangesAsync();
        SegmentId = segment.Id;
    }

    /// <summary>A draft campaign on the Everyone segment, added by the Admin, with the given arms (blend and share).</summary>
    internal async Task<Guid> AddCampaignAsync(CampaignRules? rules, Guid? segmentId, params (Guid Blend, int Share)[] arms)
    {
        Host.CurrentUser.Caller = Admin;
        var input = new CampaignInput(
            $"Preview {Interlocked.Increment(ref _campaigns)}", CampaignGoal.Clicks, CampaignChannel.Web, segmentId, rules ?? CampaignRules.None, 5,
            new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc), null,
            [.. arms.Select((a, i) => new CampaignArmInput(((char)('A' + i)).ToString(), a.Blend, a.Share))]);
        var saved = await Host.InScopeAsync<CampaignService, CampaignSaveResult>(s => s.CreateAsync(input));
        Assert.True(saved.Succeeded, string.Join(" ", saved.Problems.Select(p => p.Message)));
        return saved.Id;
    }

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}
