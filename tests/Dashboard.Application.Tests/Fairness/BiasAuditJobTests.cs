using System.ComponentModel.DataAnnotations;
using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Application.Jobs;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Tests.Training;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Privacy;
using Dashboard.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Fairness.BiasAuditTestKit;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Fairness;

/// <summary>The audit after every training and on demand, and the compliance gate it feeds.</summary>
public sealed class BiasAuditJobTests
{
    [Fact]
    public async Task PlantedBias_TrainingIsAuditedAsBlockingFailure_AndTheVersionWaitsForReviewInsteadOfGoingLive()
    {
        var (host, admin, blendId) = await ShopAsync();
        await using var _ = host;

        await TrainAsync(host, admin.TenantId, blendId);

        var audit = Assert.Single(await AuditsAsync(host, admin.TenantId));
        var version = await VersionAsync(host, admin.TenantId, 1);
        var document = BiasAuditDocument.FromJson(audit.ReportJson);
        Assert.Equal((BiasAuditOutcome.BlockingFailure, ReleaseReview.AwaitingReview, (Guid?)null, true, true),
            (audit.Outcome, version.Review, (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId, audit.Seconds > 0,
                document.Explained.Any(e => e.Finding.Verdict == Recommender.Fairness.Verdict.Fail && e.Finding.Threshold.Blocking
                    && e.Finding.Group == "North" && e.Finding.Category == "Electronics")));
    }

    [Fact]
    public async Task HeldVersion_IsRecordedInTheAuditLogWithItsFirstBlockingFinding()
    {
        var (host, admin, blendId) = await ShopAsync();
        await using var _ = host;

        await TrainAsync(host, admin.TenantId, blendId);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.ModelVersionHeldForReview);
        Assert.Equal(("Default", "version 1"), (entry.Subject, Dashboard.Application.Auditing.AuditFields.Value(Dashboard.Application.Auditing.AuditFields.Read(entry.After), "Version")));
        Assert.Matches(@"^\d+ blocking failures? — first: [^.]+.*[^.]$", Dashboard.Application.Auditing.AuditFields.Value(Dashboard.Application.Auditing.AuditFields.Read(entry.After), "Findings"));
    }

    [Fact]
    public async Task HeldVersion_AMarketersActivation_IsRefusedWithTheGatesSentence()
    {
        var (host, admin, blendId) = await ShopAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var version = await VersionAsync(host, admin.TenantId, 1);
        host.CurrentUser.Caller = As(admin, Roles.Marketer);

        var result = await host.InScopeAsync<ModelVersionService, Result>(s => s.ActivateAsync(version.Id));

        Assert.False(result.Succeeded);
        Assert.Contains("its bias audit found a blocking failure; a compliance officer must review it on the Bias audits page first.", string.Join(" ", result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldVersion_ApprovedByAComplianceOfficer_GoesLive()
    {
        var (host, admin, blendId) = await ShopAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var version = await VersionAsync(host, admin.TenantId, 1);
        host.CurrentUser.Caller = As(admin, Roles.ComplianceOfficer);

        var review = await host.InScopeAsync<ReleaseReviewService, ReviewResult>(s => s.ApproveAsync(version.Id, "Accepted for the pilot; the purchase gap is tracked with the shop team."));

        Assert.Equal((true, (Guid?)version.Id, ReleaseReview.Approved),
            (review.Succeeded, (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId, (await VersionAsync(host, admin.TenantId, 1)).Review));
    }

    [Theory]
    [InlineData(Roles.Marketer)]
    [InlineData(Roles.Admin)]
    public async Task HeldVersion_ApprovalByAMarketerOrAnAdmin_IsRefusedInTheService(string role)
    {
        var (host, admin, blendId) = await ShopAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var version = await VersionAsync(host, admin.TenantId, 1);
        host.CurrentUser.Caller = As(admin, role);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            host.InScopeAsync<ReleaseReviewService, ReviewResult>(s => s.ApproveAsync(version.Id, "I would like this to go live today, please.")));
        Assert.Equal(ReleaseReview.AwaitingReview, (await VersionAsync(host, admin.TenantId, 1)).Review);
    }

    [Fact]
    public async Task RejectedVersion_CanNeverBeActivated_NotEvenAfterAReAuditThatClearsIt()
    {
        var (host, admin, blendId) = await ShopAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var version = await VersionAsync(host, admin.TenantId, 1);
        host.CurrentUser.Caller = As(admin, Roles.ComplianceOfficer);
        await host.InScopeAsync<ReleaseReviewService, ReviewResult>(s => s.RejectAsync(version.Id, "Electronics are shown far less in the North; not acceptable."));
        await SetThresholdsAsync(host, admin, t => t with { RatioBlocking = false, ExposureBlocking = false, ExposureGiniBlocking = false, CalibrationBlocking = false });
        await AuditAgainAsync(host, admin.TenantId, version.Id);
        host.CurrentUser.Caller = As(admin, Roles.Marketer);

        var result = await host.InScopeAsync<ModelVersionService, Result>(s => s.ActivateAsync(version.Id));

        Assert.Equal((false, ReleaseReview.Rejected, 2), (result.Succeeded, (await VersionAsync(host, admin.TenantId, 1)).Review, (await AuditsAsync(host, admin.TenantId)).Count));
    }

    [Fact]
    public async Task BalancedData_IsClearedAndActivatedAutomatically()
    {
        var (host, admin, blendId) = await ShopAsync(balanced: true);
        await using var _ = host;

        await TrainAsync(host, admin.TenantId, blendId);

        var audit = Assert.Single(await AuditsAsync(host, admin.TenantId));
        var version = await VersionAsync(host, admin.TenantId, 1);
        Assert.Equal((0, ReleaseReview.Cleared, (Guid?)version.Id),
            (audit.BlockingFailCount, version.Review, (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId));
    }

    [Fact]
    public async Task ReAudit_AfterTheThresholdsWereLoosened_ClearsTheHeldVersion_AndKeepsBothAudits()
    {
        var (host, admin, blendId) = await ShopAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var version = await VersionAsync(host, admin.TenantId, 1);
        await SetThresholdsAsync(host, admin, t => t with { RatioBlocking = false, ExposureBlocking = false, ExposureGiniBlocking = false, CalibrationBlocking = false });

        await AuditAgainAsync(host, admin.TenantId, version.Id);

        var audits = await AuditsAsync(host, admin.TenantId);
        Assert.Equal((BiasAuditOutcome.BlockingFailure, true, ReleaseReview.Cleared),
            (audits[0].Outcome, audits.Count == 2 && audits[1].BlockingFailCount == 0, (await VersionAsync(host, admin.TenantId, 1)).Review));
    }

    [Fact]
    public async Task ApprovedVersion_IsNotDowngradedByALaterAudit()
    {
        var (host, admin, blendId) = await ShopAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var version = await VersionAsync(host, admin.TenantId, 1);
        host.CurrentUser.Caller = As(admin, Roles.ComplianceOfficer);
        await host.InScopeAsync<ReleaseReviewService, ReviewResult>(s => s.ApproveAsync(version.Id, "Accepted for the pilot; the purchase gap is tracked with the shop team."));

        await AuditAgainAsync(host, admin.TenantId, version.Id);

        var audits = await AuditsAsync(host, admin.TenantId);
        Assert.Equal((2, BiasAuditOutcome.BlockingFailure, ReleaseReview.Approved, (Guid?)version.Id),
            (audits.Count, audits[1].Outcome, (await VersionAsync(host, admin.TenantId, 1)).Review, (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId));
    }

    [Fact]
    public async Task SameAuditRunDeliveredAgain_WritesNoSecondAudit()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainOnlyAsync(host, admin.TenantId, blendId);
        var run = Assert.Single(await RunQueuedAsync(host, admin.TenantId, JobKind.AuditModel));
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await db.JobRuns.Where(j => j.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Queued));
        }

        await ExecuteAsync(host, admin.TenantId, run.Id);

        await using var check = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((1, JobState.Succeeded), (await check.BiasAudits.CountAsync(a => a.JobRunId == run.Id), (await check.JobRuns.SingleAsync(j => j.Id == run.Id)).State));
    }

    [Fact]
    public async Task Training_WritesTheVersionAwaitingItsAudit_AndQueuesTheAuditInTheSameStep()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;

        var training = await TrainOnlyAsync(host, admin.TenantId, blendId);

        var version = Assert.Single(await VersionsAsync(host, admin.TenantId));
        await using var db = host.CreateTenantContext(admin.TenantId);
        var queued = await db.JobRuns.AsNoTracking().SingleAsync(j => j.Kind == JobKind.AuditModel);
        Assert.Equal((ReleaseReview.AwaitingAudit, AuditSnapshotArtifact.IdFor(training.Id), new AuditModelParameters(version.Id, AfterTraining: true), JobState.Queued, (Guid?)null),
            (version.Review, version.AuditSnapshotArtifactId, JobParameters.Read<AuditModelParameters>(queued.ParametersJson), queued.State,
                (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId));
        Assert.True(await ArtifactExistsAsync(host, admin.TenantId, version.AuditSnapshotArtifactId!.Value));
    }

    [Fact]
    public async Task Training_KeepsTheTimeOfItsSnapshotStage()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await using var scope = host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IJobHandler>().OfType<TrainModelJobHandler>().Single();
        var runId = await host.QueueJobAsync(admin.TenantId, new TrainModelParameters(blendId));

        await handler.RunAsync(new JobContext(runId, CallerContext.ForJob(admin.TenantId, handler.Name, "test", handler.RequiredPolicy), JobParameters.Write(new TrainModelParameters(blendId)),
            new Progress<JobProgress>(), CancellationToken.None));

        Assert.Contains(handler.StageTimes, s => s.Stage == "Keeping the held-out lists for the bias audit");
    }

    [Fact]
    public async Task Training_FailingAfterItsSnapshotWasStored_LeavesNoSnapshot()
    {
        HookedArtifactStore? hooked = null;
        var (host, admin, blendId) = await StartAsync(configure: services => services.AddSingleton<IModelArtifactStore>(sp =>
            hooked = new HookedArtifactStore(sp.GetRequiredService<LocalModelArtifactStore>())));
        await using var _ = host;
        host.Services.GetRequiredService<IModelArtifactStore>();
        var stored = new HashSet<Guid>();
        hooked!.AfterSave = id =>
        {
            // The model is stored after the snapshot of the same run: fail there, once both exist.
            if (stored.Contains(AuditSnapshotArtifact.IdFor(id)))
            {
                throw new IOException("The disk is full.");
            }

            stored.Add(id);
        };

        var run = await TrainOnlyAsync(host, admin.TenantId, blendId);

        Assert.Equal((JobState.Failed, true, false, 0),
            (run.State, stored.Contains(AuditSnapshotArtifact.IdFor(run.Id)), await ArtifactExistsAsync(host, admin.TenantId, AuditSnapshotArtifact.IdFor(run.Id)),
                (await VersionsAsync(host, admin.TenantId)).Count));
    }

    [Fact]
    public async Task PrunedVersion_TrainedWithASnapshot_ItsSnapshotIsDeleted()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        await UpdateAsync(host, blendId, i => i with { AutoActivate = false, KeepVersions = 1 });
        await TrainAsync(host, admin.TenantId, blendId);
        var second = (await VersionsAsync(host, admin.TenantId)).Single(v => v.Number == 2);

        await TrainAsync(host, admin.TenantId, blendId);

        Assert.Equal(("1, 3", false), (string.Join(", ", (await VersionsAsync(host, admin.TenantId)).Select(v => v.Number)),
            await ArtifactExistsAsync(host, admin.TenantId, second.AuditSnapshotArtifactId!.Value)));
    }

    [Fact]
    public async Task Audit_OfAVersionWhoseSnapshotIsMissing_FailsSayingSo()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainOnlyAsync(host, admin.TenantId, blendId);
        var version = Assert.Single(await VersionsAsync(host, admin.TenantId));
        await host.Services.GetRequiredService<IModelArtifactStore>().DeleteAsync(admin.TenantId, version.AuditSnapshotArtifactId!.Value, CancellationToken.None);

        var run = Assert.Single(await RunQueuedAsync(host, admin.TenantId, JobKind.AuditModel));

        Assert.Equal((JobState.Failed, "Version 1's audit snapshot is missing from the model store, so it cannot be audited; train the blend again to audit a new version.", ReleaseReview.AwaitingAudit),
            (run.State, run.Error, (await VersionAsync(host, admin.TenantId, 1)).Review));
    }

    [Fact]
    public async Task Audit_OfAVersionWhoseSnapshotIsNotOne_FailsSayingItCannotBeRead()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainOnlyAsync(host, admin.TenantId, blendId);
        var snapshot = Assert.Single(await VersionsAsync(host, admin.TenantId)).AuditSnapshotArtifactId!.Value;
        var store = host.Services.GetRequiredService<IModelArtifactStore>();
        await store.DeleteAsync(admin.TenantId, snapshot, CancellationToken.None);
        await store.SaveAsync(admin.TenantId, snapshot, new MemoryStream("not a snapshot"u8.ToArray()), CancellationToken.None);

        var run = Assert.Single(await RunQueuedAsync(host, admin.TenantId, JobKind.AuditModel));

        Assert.Equal((JobState.Failed, "Version 1's audit snapshot cannot be read (it is not an audit snapshot), so it cannot be audited; train the blend again to audit a new version."),
            (run.State, run.Error));
    }

    [Fact]
    public async Task GeneralisedAttribute_IsGroupedAsThePrivacySettingsSay_AndTheAuditSaysHow()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            db.AttributeGeneralisations.Add(new AttributeGeneralisation { Id = Guid.CreateVersion7(), AttributeKey = "region", Kind = GeneralisationKind.RareValuesToOther, Parameter = 1_000 });
            await db.SaveChangesAsync();
        }

        await TrainAsync(host, admin.TenantId, blendId);

        var document = BiasAuditDocument.FromJson(Assert.Single(await AuditsAsync(host, admin.TenantId)).ReportJson);
        var region = document.Report.Attributes.Single(a => a.Attribute == "region");
        Assert.Equal((Dashboard.Application.Privacy.GeneralisationRules.Describe(GeneralisationKind.RareValuesToOther, 1_000), "other"),
            (document.Generalised["region"], string.Join(", ", region.Groups.Select(g => g.Group))));
    }

    [Fact]
    public void Outcome_BlockingOutranksFailureOutranksWarning()
    {
        Assert.Equal(
            [BiasAuditOutcome.BlockingFailure, BiasAuditOutcome.Failed, BiasAuditOutcome.PassedWithWarnings, BiasAuditOutcome.Passed],
            [AuditModelJobHandler.OutcomeOf(3, 1, 5), AuditModelJobHandler.OutcomeOf(3, 0, 5), AuditModelJobHandler.OutcomeOf(0, 0, 5), AuditModelJobHandler.OutcomeOf(0, 0, 0)]);
    }

    [Fact]
    public void Review_AfterAnAudit_NeverChangesADecision()
    {
        Assert.Equal(
            [ReleaseReview.AwaitingReview, ReleaseReview.Cleared, ReleaseReview.Cleared, ReleaseReview.Approved, ReleaseReview.Rejected, ReleaseReview.AwaitingReview],
            [AuditModelJobHandler.ReviewAfter(ReleaseReview.AwaitingAudit, BiasAuditOutcome.BlockingFailure), AuditModelJobHandler.ReviewAfter(ReleaseReview.AwaitingReview, BiasAuditOutcome.Failed),
                AuditModelJobHandler.ReviewAfter(ReleaseReview.NotAudited, BiasAuditOutcome.Passed), AuditModelJobHandler.ReviewAfter(ReleaseReview.Approved, BiasAuditOutcome.BlockingFailure),
                AuditModelJobHandler.ReviewAfter(ReleaseReview.Rejected, BiasAuditOutcome.Passed), AuditModelJobHandler.ReviewAfter(ReleaseReview.Cleared, BiasAuditOutcome.BlockingFailure)]);
    }
}
