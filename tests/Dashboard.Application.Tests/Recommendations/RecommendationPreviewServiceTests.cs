using Dashboard.Application.Recommendations;
using Dashboard.Application.Tests.Training;

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
}
