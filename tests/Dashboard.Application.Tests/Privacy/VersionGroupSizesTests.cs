using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Training;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Privacy;

/// <summary>The per-group end-user counts of a model version are the marketer-visible aggregate that goes through differential privacy.</summary>
public sealed class VersionGroupSizesTests
{
    [Fact]
    public async Task List_ForAMarketer_WithholdsTheGroupSizes()
    {
        var (host, admin, blendId, _) = await TrainedAsync();
        await using var _h = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        var versions = await host.InScopeAsync<ModelVersionService, IReadOnlyList<ModelVersionView>>(s => s.ListAsync(blendId));

        var groups = Assert.Single(versions).Metrics.Groups;
        Assert.True(groups.Count > 0 && groups.All(g => g.EndUsers == SensitiveGroupMetrics.Withheld));
    }

    [Fact]
    public async Task GroupSizes_ForAMarketer_AreNoisyLabelledAndSpendOneQueryOfBudget()
    {
        var (host, admin, _, version) = await TrainedAsync();
        await using var _h = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        var sizes = await host.InScopeAsync<ModelVersionService, PrivateCounts>(s => s.GroupSizesAsync(version.Id));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var line = await db.PrivacyBudgetLedger.SingleAsync();
        Assert.Equal((ReleaseKind.Noisy, "noisy (ε 0.5)", $"End-users per sensitive-attribute group of model version 1 (id {version.Id})", 0.5),
            (sizes.Kind, sizes.Label, line.Query, line.Epsilon));
    }

    [Fact]
    public async Task GroupSizes_ForAComplianceOfficer_AreTheExactCountsOfTheVersion()
    {
        var (host, admin, _, version) = await TrainedAsync();
        await using var _h = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        var sizes = await host.InScopeAsync<ModelVersionService, PrivateCounts>(s => s.GroupSizesAsync(version.Id));

        var stored = VersionMetrics.FromJson(version.MetricsJson).Groups.Select(g => new PrivateCount(ModelVersionService.GroupLabel(g), g.EndUsers));
        Assert.Equal((ReleaseKind.Exact, "exact", true), (sizes.Kind, sizes.Label, sizes.Counts.SequenceEqual(stored)));
    }

    private static async Task<(TestHost Host, Dashboard.Application.Common.CallerContext Admin, Guid BlendId, Dashboard.Domain.Blends.ModelVersion Version)> TrainedAsync()
    {
        var (host, admin, blendId) = await StartAsync(configure: s => s.AddSingleton<IRandomSource>(new SeededRandomSource(3)));
        await TrainAsync(host, admin.TenantId, blendId);
        return (host, admin, blendId, Assert.Single(await VersionsAsync(host, admin.TenantId)));
    }
}
