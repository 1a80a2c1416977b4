using Dashboard.Application.Recommendations;
using Dashboard.Application.Tests.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Recommendations;

public sealed class RecommendationPreviewServiceTests
{
    [Fact]
    public async Task FindEndUsers_GivesThisOrganisationsIdsStartingWithThePrefix_AndNoneOfAnother()
    {
        var (host, _, _) = await TrainingTestKit.StartAsync();
        await using var _ = host;
        var mine = await host.InScopeAsync<RecommendationPreviewService, IReadOnlyList<string>>(s => s.FindEndUsersAsync("u0001"));
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Beta", "beta@example.test");
        var theirs = await host.InScopeAsync<RecommendationPreviewService, IReadOnlyList<string>>(s => s.FindEndUsersAsync("u"));

        Assert.Equal((true, true, 0), (mine.Count > 0, mine.All(id => id.StartsWith("u0001", StringComparison.Ordinal)), theirs.Count));
    }

    [Fact]
    public async Task History_IsNewestFirst()
    {
        var (host, _, _) = await TrainingTestKit.StartAsync();
        await using var _ = host;

        var history = await host.InScopeAsync<RecommendationPreviewService, IReadOnlyList<PreviewHistoryItem>>(s => s.HistoryAsync("u00001"));

        Assert.Equal(history.OrderByDescending(h => h.OccurredAtUtc).Select(h => h.OccurredAtUtc), history.Select(h => h.OccurredAtUtc));
    }

    [Fact]
    public async Task Recommend_ComesFromTheActiveVersion_PersonalisedForAKnownEndUser()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync();
        await using var _ = host;
        await TrainingTestKit.TrainAsync(host, admin.TenantId, blendId);

        var preview = await host.InScopeAsync<RecommendationPreviewService, PreviewList>(s => s.RecommendAsync(blendId, "u00001", 5));

        Assert.Equal((1, true, 5), (preview.VersionNumber, preview.List!.Personalised, preview.List.Items.Count));
    }

    [Fact]
    public async Task Recommend_BeforeAnyTraining_SaysThereIsNoList()
    {
        var (host, _, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;

        var preview = await host.InScopeAsync<RecommendationPreviewService, PreviewList>(s => s.RecommendAsync(blendId, "u00001", 5));

        Assert.Equal((null, null), (preview.VersionNumber, preview.List));
    }

    [Fact]
    public async Task Recommend_AfterAFreshEvent_GivesTheSameListAsTheServingApi()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync();
        await using var _ = host;
        await TrainingTestKit.TrainAsync(host, admin.TenantId, blendId);
        var before = await host.InScopeAsync<RecommendationPreviewService, PreviewList>(s => s.RecommendAsync(blendId, "u00001", 5));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var fresh = before.List!.Items.Take(3).Select(i => ("u00001", i.ItemId, "purchase", 1f)).ToList();
        host.Services.GetRequiredService<RecentEventsBuffer>().Add(admin.TenantId, fresh);

        var page = await host.InScopeAsync<RecommendationPreviewService, PreviewList>(s => s.RecommendAsync(blendId, "u00001", 5));
        var api = await host.Services.GetRequiredService<RecommendationServingService>().RecommendAsync(admin.TenantId, "u00001", 5, null, []);

        Assert.NotEqual(before.List.Items.Select(i => i.ItemId), page.List!.Items.Select(i => i.ItemId));
        Assert.Equal(api.Response!.Items.Select(i => i.ItemId), page.List.Items.Select(i => i.ItemId));
    }
}
