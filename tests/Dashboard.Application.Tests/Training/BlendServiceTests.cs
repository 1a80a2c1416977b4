using Dashboard.Application.Auditing;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Jobs;
using Dashboard.Recommender.Serving;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Training;

public sealed class BlendServiceTests
{
    [Fact]
    public async Task NewOrganisation_HasTheDefaultBlend()
    {
        var (host, _, _) = await StartAsync(withData: false);
        await using var _h = host;

        var blend = Assert.Single(await host.InScopeAsync<BlendService, IReadOnlyList<BlendView>>(s => s.ListAsync()));

        Assert.Equal(("Default", BlendSpec.Default, (Guid?)null), (blend.Name, blend.Spec, blend.ActiveVersionId));
    }

    [Fact]
    public async Task Create_WithAllWeightsZeroAndABadCron_ReturnsFieldMessagesAndSavesNothing()
    {
        var (host, admin, _) = await StartAsync();
        await using var _h = host;
        var spec = BlendSpec.Default with { Components = [new ComponentSpec(ComponentKind.Ease, 0), new ComponentSpec(ComponentKind.ImplicitAls, 0)] };

        var result = await host.InScopeAsync<BlendService, BlendSaveResult>(s => s.CreateAsync(new BlendInput("Weekend", spec, TrainingSchedule.Cron, "every night")));

        Assert.Contains(result.Problems, p => p.Field.StartsWith("Spec.Components", StringComparison.Ordinal));
        Assert.Contains(new FieldMessage("CronExpression",
            "\"every night\" is not a cron expression: use five fields (minute hour day-of-month month day-of-week), e.g. \"0 2 * * *\" for every night at 02:00 UTC."), result.Problems);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(1, await db.Blends.CountAsync());
    }

    [Fact]
    public async Task Create_RatingsOnlyComponentWithoutRatings_IsRefusedForThatComponent()
    {
        var (host, _, _) = await StartAsync(withData: false);
        await using var _h = host;
        var spec = BlendSpec.Default with { Components = [new ComponentSpec(ComponentKind.BiasedMf, 1)] };

        var result = await host.InScopeAsync<BlendService, BlendSaveResult>(s => s.CreateAsync(new BlendInput("Ratings", spec)));

        Assert.Contains(result.Problems, p => p.Field.StartsWith("Spec.Components[0]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_WithTheNameOfAnotherBlend_IsRefused()
    {
        var (host, _, _) = await StartAsync(withData: false);
        await using var _h = host;

        var result = await host.InScopeAsync<BlendService, BlendSaveResult>(s => s.CreateAsync(new BlendInput(" Default ", BlendSpec.Default)));

        Assert.Equal([new FieldMessage("Name", "There is already a blend named “Default”.")], result.Problems);
    }

    [Fact]
    public async Task Update_ByAComplianceOfficer_IsForbidden()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _h = host;
        host.CurrentUser.Caller = Support.TestHost.As(admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => UpdateAsync(host, blendId, i => i with { Name = "Mine" }));
    }

    [Fact]
    public async Task Update_WritesOneAuditEntryThatReadsAsASentenceWithBeforeAndAfter()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _h = host;

        await UpdateAsync(host, blendId, i => i with { Spec = i.Spec with { ListSize = 20 }, KeepVersions = 5 });

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.BlendUpdated);
        Assert.Equal("Changed the blend “Default”: list size from 10 to 20; versions kept from 10 to 5.", AuditSentence.Describe(entry));
    }

    [Fact]
    public async Task Update_WithAStaleStamp_IsRefusedAndKeepsTheOtherChange()
    {
        var (host, _, blendId) = await StartAsync(withData: false);
        await using var _h = host;
        var stale = await host.InScopeAsync<BlendService, BlendView>(s => s.GetAsync(blendId));
        await UpdateAsync(host, blendId, i => i with { KeepVersions = 3 });

        var result = await host.InScopeAsync<BlendService, BlendSaveResult>(s => s.UpdateAsync(blendId,
            new BlendInput(stale.Name, stale.Spec, KeepVersions: 7, ConcurrencyStamp: stale.ConcurrencyStamp)));

        Assert.Equal((false, 3), (result.Succeeded, (await host.InScopeAsync<BlendService, BlendView>(s => s.GetAsync(blendId))).KeepVersions));
    }

    [Fact]
    public async Task Schedule_SetAndRemoved_AddsAndRemovesTheBlendsRecurringJob()
    {
        var (host, _, blendId) = await StartAsync(withData: false);
        await using var _h = host;
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();

        await UpdateAsync(host, blendId, i => i with { Schedule = TrainingSchedule.Cron, CronExpression = "30 4 * * *" });
        var set = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == HangfireTrainingSchedules.RecurringJobId(blendId))?.Cron;
        await UpdateAsync(host, blendId, i => i with { Schedule = TrainingSchedule.None });

        Assert.Equal(("30 4 * * *", false), (set, connection.GetRecurringJobs().Any(j => j.Id == HangfireTrainingSchedules.RecurringJobId(blendId))));
    }

    [Fact]
    public async Task Delete_RemovesTheBlendItsVersionsAndTheirArtifacts()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _h = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var version = Assert.Single(await VersionsAsync(host, admin.TenantId));

        var result = await host.InScopeAsync<BlendService, Result>(s => s.DeleteAsync(blendId));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((true, 0, 0, false, 1), (result.Succeeded, await db.Blends.CountAsync(), await db.ModelVersions.CountAsync(),
            await ArtifactExistsAsync(host, admin.TenantId, version.ArtifactId), await db.AuditLog.CountAsync(e => e.Action == AuditActions.BlendDeleted)));
    }

    [Fact]
    public void NextRuns_OfTheNightlyPreset_AreTheNextThreeNightsAtTwo()
    {
        var from = new DateTime(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(
            [new DateTime(2026, 7, 1, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 7, 2, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 7, 3, 2, 0, 0, DateTimeKind.Utc)],
            TrainingScheduleRules.NextRuns(TrainingSchedule.Nightly, null, from, 3));
    }

    [Fact]
    public void ManifestHash_IsTheSha256OfTheOrdinallySortedIdsOnePerLine()
    {
        Assert.Equal("ffe5fdbb286bc3bbcfdeda1862eab686636ba096fe04843a8249654c9e7b30ba", Dashboard.Application.Training.DataManifest.HashEndUserIds(["u2", "u10", "u1"]));
    }
}
