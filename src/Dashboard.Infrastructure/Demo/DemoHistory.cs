using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Application.Jobs;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Demo;

/// <summary>
/// The demo's seeded history, so a new user sees personalised recommendations at once and a version waiting for
/// review: once the demo's first training has been audited (the planted bias holds version 1 back), the demo
/// set-up — not a person — approves version 1 with a justification that says it is seeded demo history, activates
/// it, and queues a second training, whose version 2 is audited like any other and waits for the compliance officer.
/// Every step reads where things stand from the database, so a restart resumes where it stopped; a step already
/// taken is never taken twice, and nothing is done once a person has decided on version 1.
/// </summary>
public sealed class DemoHistory(
    DashboardDbContext db,
    ITenantDbContextFactory tenants,
    IJobScheduler scheduler,
    ModelActivation activation,
    IAuditLog audit,
    IOptions<DemoOptions> demo,
    TimeProvider time,
    ILogger<DemoHistory> logger)
{
    /// <summary>What version 1's review says; an auditor reading it must not mistake it for a person's decision.</summary>
    public const string Justification =
        "Seeded demo history: approved automatically by the demo set-up, not by a person, so that the demo serves personalised " +
        "recommendations from the start. The bias audit's blocking findings (the planted bias against region North in Electronics) " +
        "are real; version 2 of this blend waits for a compliance officer's own review.";

    public async Task<DemoHistoryStep> AdvanceAsync(CancellationToken cancellationToken = default)
    {
        var options = demo.Value;
        if (!options.Enabled)
        {
            return DemoHistoryStep.NoDemo;
        }

        var tenantId = await db.Tenants.AsNoTracking().Where(t => t.Name == options.OrganisationName).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (tenantId is not { } tenant)
        {
            return DemoHistoryStep.NoDemo;
        }

        await using var tenantDb = tenants.CreateForTenant(tenant);
        var trainings = await tenantDb.JobRuns.AsNoTracking()
            .Where(j => j.Kind == JobKind.TrainModel && j.RequestedBy == DemoSeeder.Actor)
            .OrderBy(j => j.QueuedAtUtc).ThenBy(j => j.Id)
            .ToListAsync(cancellationToken);
        if (trainings.Count == 0)
        {
            return DemoHistoryStep.NoDemo;
        }

        if (trainings.Count > 1)
        {
            return DemoHistoryStep.Done;
        }

        var first = trainings[0];
        if (first.State is JobState.Failed or JobState.Cancelled)
        {
            return Stop($"the demo's first training {(first.State == JobState.Failed ? "failed" : "was cancelled")}");
        }

        if (first.State != JobState.Succeeded)
        {
            return DemoHistoryStep.WaitingForFirstAudit;
        }

        var version = await tenantDb.ModelVersions.FirstOrDefaultAsync(v => v.JobRunId == first.Id, cancellationToken);
        if (version is null)
        {
            return Stop("the demo's first version no longer exists");
        }

        var blend = await tenantDb.Blends.FirstAsync(b => b.Id == version.BlendId, cancellationToken);
        var caller = CallerContext.ForSystem(tenant, DemoSeeder.Actor);
        switch (version.Review)
        {
            case ReleaseReview.AwaitingAudit:
                return await AuditFailedAsync(tenantDb, version.Id, cancellationToken)
                    ? Stop("the bias audit of the demo's first version failed")
                    : DemoHistoryStep.WaitingForFirstAudit;
            case ReleaseReview.AwaitingReview:
                if (!await ApproveAsync(tenantDb, audit, blend, version, caller, Justification, time.GetUtcNow().UtcDateTime, cancellationToken))
                {
                    // Someone decided on it meanwhile: read again next time.
                    return DemoHistoryStep.WaitingForFirstAudit;
                }

                break;
            case ReleaseReview.Approved when version.ReviewedBy == DemoSeeder.Actor:
                break;
            default:
                // Cleared (the audit found nothing blocking, e.g. on a small demo: it went live by itself, and a second
                // training would find nothing to review either), decided by a person, or older than audits: nothing to add.
                return DemoHistoryStep.Done;
        }

        if (blend.ActiveVersionId is null)
        {
            var activated = await activation.ActivateAsync(tenantDb, blend, version, caller, AuditActions.ModelVersionActivated, cancellationToken);
            if (!activated.Succeeded)
            {
                return Stop("the demo's first version could not be activated: " + string.Join(" ", activated.Errors));
            }
        }

        scheduler.Enqueue(tenantDb, new TrainModelParameters(blend.Id), caller);
        await tenantDb.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo history: version {Number} of \"{Blend}\" is live; a second training is queued and its version will wait for review.", version.Number, blend.Name);
        return DemoHistoryStep.SecondTrainingQueued;
    }

    /// <summary>
    /// The demo set-up's approval of a version its audit held back: by <see cref="DemoSeeder.Actor"/>, with a justification
    /// that says so, audited like a person's. False when someone decided on the version meanwhile.
    /// </summary>
    internal static async Task<bool> ApproveAsync(
        IAppDbContext tenantDb, IAuditLog audit, Blend blend, ModelVersion version, CallerContext caller, string justification, DateTime nowUtc, CancellationToken cancellationToken)
    {
        version.Review = ReleaseReview.Approved;
        version.ReviewedBy = DemoSeeder.Actor;
        version.ReviewedAtUtc = nowUtc;
        version.ReviewJustification = justification;
        version.ReviewedAuditId = await tenantDb.BiasAudits.Where(a => a.ModelVersionId == version.Id)
            .OrderByDescending(a => a.CreatedAtUtc).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        audit.Record(tenantDb, caller, AuditActions.ModelVersionApproved, blend.Name, null,
            AuditFields.Write(("Version", $"version {version.Number}"), ("Justification", justification)));
        try
        {
            await tenantDb.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>True when every bias audit queued for the version failed or was cancelled (none will decide it).</summary>
    internal static async Task<bool> AuditFailedAsync(IAppDbContext tenantDb, Guid versionId, CancellationToken cancellationToken)
    {
        var mine = await AuditRunsAsync(tenantDb, versionId, cancellationToken);
        return mine.Count > 0 && mine.All(state => state is JobState.Failed or JobState.Cancelled);
    }

    /// <summary>The states of the bias-audit runs queued for the version.</summary>
    internal static async Task<List<JobState>> AuditRunsAsync(IAppDbContext tenantDb, Guid versionId, CancellationToken cancellationToken)
    {
        var audits = await tenantDb.JobRuns.AsNoTracking()
            .Where(j => j.Kind == JobKind.AuditModel)
            .Select(j => new { j.State, j.ParametersJson })
            .ToListAsync(cancellationToken);
        return [.. audits.Where(a => JobParameters.Read<AuditModelParameters>(a.ParametersJson).ModelVersionId == versionId).Select(a => a.State)];
    }

    private DemoHistoryStep Stop(string why)
    {
        logger.LogWarning("Demo history stopped: {Why}. The demo organisation works, but without its seeded review history; see Jobs.", why);
        return DemoHistoryStep.Stopped;
    }
}
