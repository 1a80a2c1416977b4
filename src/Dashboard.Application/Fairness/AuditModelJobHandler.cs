using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Fairness;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Fairness;

/// <summary>
/// Audits one model version for bias on its stored audit snapshot (the held-out lists of its training), judged by
/// the tenant's thresholds in force now, and writes the audit whole — one <see cref="BiasAudit"/> row — together with
/// the version's release review in one transaction: a blocking failure holds the version for a compliance officer,
/// anything else clears it. A decision already taken (approved or rejected) stands; the new audit is shown beside it.
/// After a training, a cleared version is activated as the training used to activate it. A run repeated by the job
/// server writes nothing twice.
/// </summary>
public sealed class AuditModelJobHandler(
    ITenantDbContextFactory dbFactory,
    IModelArtifactStore store,
    ModelActivation activation,
    IAuditLog audit,
    TimeProvider time) : JobHandler<AuditModelParameters>
{
    private const int Attempts = 3;

    public override string Name => "Bias audit";

    // The job holds a version back or clears it, and after a training may activate it: blend management, done on
    // behalf of the marketer who trained (or asked). It never signs off — that stays with a person holding
    // SignOffAudits — so it is not granted that policy; a compliance officer's "Audit again" goes through
    // BiasAuditRequests, which admits both roles itself.
    public override string RequiredPolicy => Policies.ManageBlendsAndCampaigns;

    public override Task<string> CleanUpInterruptedAsync(InterruptedJob job, CancellationToken cancellationToken) =>
        // The audit row and the review are written in one transaction at the very end, so an interrupted run left neither.
        Task.FromResult("The audit was interrupted before it wrote anything; the version's review is unchanged. Ask for its audit again on the Bias audits page.");

    protected override async Task RunAsync(JobContext context, AuditModelParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var ct = context.CancellationToken;
        // Wall-clock work, as the training's own seconds are: what an operator waits for, whatever clock the app is given.
        var clock = Stopwatch.StartNew();

        context.Progress.Report(new JobProgress(0, "Reading the version and the thresholds"));
        ModelVersion version;
        Guid snapshotId;
        FairnessThresholds thresholds;
        await using (var db = dbFactory.CreateForTenant(context.TenantId))
        {
            if (await db.BiasAudits.AsNoTracking().FirstOrDefaultAsync(a => a.JobRunId == context.JobRunId, ct) is { } written)
            {
                context.Progress.Report(new JobProgress(100, $"This run already wrote its audit of version {written.VersionNumber}; nothing was written again."));
                return;
            }

            version = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == parameters.ModelVersionId, ct)
                ?? throw new ValidationException("The model version to audit no longer exists (it was pruned, or its blend was deleted); nothing was audited.");
            snapshotId = version.AuditSnapshotArtifactId ?? throw new ValidationException(
                $"Version {version.Number} was trained before bias audits existed, so its held-out lists were not kept; train the blend again to audit it.");
            thresholds = (await db.FairnessSettingsAsync(ct)).ToThresholds();
        }

        context.Progress.Report(new JobProgress(5, $"Reading version {version.Number}'s audit snapshot"));
        var stored = await StoredAuditSnapshot.LoadAsync(store, context.TenantId, snapshotId, version.Number, ct);
        var snapshot = stored.Snapshot;

        context.Progress.Report(new JobProgress(20,
            $"Auditing the lists of {PlainWords.Counted(snapshot.EvaluatedUsers, "end-user")} by {(snapshot.AttributeNames.Count > 0 ? string.Join(", ", snapshot.AttributeNames) : "no sensitive attribute")}"));
        var run = snapshot.Audit(snapshot.Rerank, thresholds);
        ct.ThrowIfCancellationRequested();

        context.Progress.Report(new JobProgress(85, "Writing the audit"));
        var document = new BiasAuditDocument(run.Report, [.. run.Report.Findings.Select(FindingSentence.Describe)], TrainModelJobHandler.MetricCutOff,
            run.NdcgAt10, run.PrecisionAt10, run.EvaluatedUsers, stored.Generalised);
        var findings = Count(run.Report);
        var message = await WriteAsync(context, parameters, version, document, findings, thresholds, clock, ct);
        context.Progress.Report(new JobProgress(100, message));
    }

    /// <summary>The outcome of an audit from its findings: a blocking failure outranks any failure, a failure any warning.</summary>
    public static BiasAuditOutcome OutcomeOf(int fails, int blockingFails, int warns) =>
        blockingFails > 0 ? BiasAuditOutcome.BlockingFailure
        : fails > 0 ? BiasAuditOutcome.Failed
        : warns > 0 ? BiasAuditOutcome.PassedWithWarnings
        : BiasAuditOutcome.Passed;

    /// <summary>
    /// The review an audit leaves a version in: a decision already taken stands (approved or rejected, whatever a
    /// later audit says); otherwise a blocking failure holds it for review and anything else clears it.
    /// </summary>
    public static ReleaseReview ReviewAfter(ReleaseReview current, BiasAuditOutcome outcome) => current switch
    {
        ReleaseReview.Approved or ReleaseReview.Rejected => current,
        _ => outcome == BiasAuditOutcome.BlockingFailure ? ReleaseReview.AwaitingReview : ReleaseReview.Cleared,
    };

    private async Task<string> WriteAsync(
        JobContext context, AuditModelParameters parameters, ModelVersion read, BiasAuditDocument document, FindingCounts findings,
        FairnessThresholds thresholds, Stopwatch clock, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = dbFactory.CreateForTenant(context.TenantId);
            if (await db.BiasAudits.AnyAsync(a => a.JobRunId == context.JobRunId, ct))
            {
                return $"This run already wrote its audit of version {read.Number}; nothing was written again.";
            }

            var version = await db.ModelVersions.FirstOrDefaultAsync(v => v.Id == read.Id, ct)
                ?? throw new ValidationException($"Version {read.Number} was deleted while it was being audited (pruned, or its blend deleted); nothing was written.");
            var blend = await db.Blends.FirstAsync(b => b.Id == version.BlendId, ct);
            var outcome = OutcomeOf(findings.Fails, findings.BlockingFails, findings.Warns);
            var before = version.Review;
            var after = ReviewAfter(before, outcome);
            db.BiasAudits.Add(new BiasAudit
            {
                Id = Guid.CreateVersion7(),
                ModelVersionId = version.Id,
                BlendId = version.BlendId,
                VersionNumber = version.Number,
                JobRunId = context.JobRunId,
                RequestedBy = Truncate(context.RequestedBy, 256),
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
                Outcome = outcome,
                FailCount = findings.Fails,
                BlockingFailCount = findings.BlockingFails,
                WarnCount = findings.Warns,
                EvaluatedEndUsers = document.EvaluatedEndUsers,
                Attributes = Truncate(string.Join(", ", document.Report.Attributes.Select(a => a.Attribute)), 1000),
                Seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
                ReportJson = document.ToJson(),
                ThresholdsJson = FairnessThresholdsJson.ToJson(thresholds),
            });
            version.Review = after;
            if (after == ReleaseReview.AwaitingReview && before != ReleaseReview.AwaitingReview)
            {
                var first = document.Explained.First(e => e.Finding.Verdict == Verdict.Fail && e.Finding.Threshold.Blocking).Sentence;
                audit.Record(db, context.Caller, AuditActions.ModelVersionHeldForReview, blend.Name, null, AuditFields.Write(
                    ("Version", $"version {version.Number}"),
                    ("Findings", $"{PlainWords.Counted(findings.BlockingFails, "blocking failure")} — first: {first.TrimEnd('.')}")));
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // A compliance officer decided on the version meanwhile (its review is a concurrency token): read it again; the decision stands.
                continue;
            }

            var said = Describe(version, blend, outcome, findings, before, after);
            if (parameters.AfterTraining && after == ReleaseReview.Cleared)
            {
                said += " " + await TrainModelJobHandler.AutoActivateAsync(db, activation, blend, version, context.Caller, ct);
            }

            return said;
        }
    }

    private static string Describe(ModelVersion version, Blend blend, BiasAuditOutcome outcome, FindingCounts findings, ReleaseReview before, ReleaseReview after)
    {
        var what = outcome switch
        {
            BiasAuditOutcome.BlockingFailure => $"found {PlainWords.Counted(findings.BlockingFails, "blocking failure")}",
            BiasAuditOutcome.Failed => $"found {PlainWords.Counted(findings.Fails, "failure")}, none of them blocking",
            BiasAuditOutcome.PassedWithWarnings => $"passed with {PlainWords.Counted(findings.Warns, "warning")}",
            _ => "passed",
        };
        var head = $"Bias audit of version {version.Number} of “{blend.Name}” {what}.";
        var live = blend.ActiveVersionId == version.Id;
        return after switch
        {
            _ when before is ReleaseReview.Approved or ReleaseReview.Rejected =>
                $"{head} The compliance officer's decision ({(before == ReleaseReview.Approved ? "approved" : "rejected")}) stands; this audit is shown beside it.",
            ReleaseReview.AwaitingReview when live =>
                $"{head} It is held for a compliance officer's review; as the blend's active version it keeps serving until someone activates another.",
            ReleaseReview.AwaitingReview => $"{head} It is held for a compliance officer's review and cannot go live until approved.",
            _ => $"{head} It is cleared to go live.",
        };
    }

    private static FindingCounts Count(FairnessReport report)
    {
        int fails = 0, blocking = 0, warns = 0;
        foreach (var finding in report.Findings)
        {
            if (finding.Verdict == Verdict.Fail)
            {
                fails++;
                blocking += finding.Threshold.Blocking ? 1 : 0;
            }
            else if (finding.Verdict == Verdict.Warn)
            {
                warns++;
            }
        }

        return new FindingCounts(fails, blocking, warns);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private readonly record struct FindingCounts(int Fails, int BlockingFails, int Warns);
}
