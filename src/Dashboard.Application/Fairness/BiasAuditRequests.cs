using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Fairness;

/// <summary>
/// Audits a model version again on demand (e.g. after the thresholds changed): queues an AuditModel job. Marketers
/// (ManageBlendsAndCampaigns) and compliance officers (SignOffAudits) may ask; a version already being audited, or
/// one trained before audits existed (it has no audit snapshot), is refused with a sentence saying why.
/// </summary>
public sealed class BiasAuditRequests(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IJobScheduler scheduler)
{
    public async Task<Result> RequestAsync(Guid versionId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        if (!caller.Can(Policies.ManageBlendsAndCampaigns) && !caller.Can(Policies.SignOffAudits))
        {
            caller.Demand(Policies.SignOffAudits);
        }

        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var version = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken)
            ?? throw new NotFoundException("That model version does not exist.");
        if (version.AuditSnapshotArtifactId is null)
        {
            return Result.Failure($"Version {version.Number} was trained before bias audits existed, so its held-out lists were not kept; train the blend again to audit it.");
        }

        var pending = await db.JobRuns.AsNoTracking()
            .Where(j => j.Kind == JobKind.AuditModel && (j.State == JobState.Queued || j.State == JobState.Running))
            .Select(j => j.ParametersJson).ToListAsync(cancellationToken);
        if (pending.Any(p => JobParameters.Read<AuditModelParameters>(p).ModelVersionId == versionId))
        {
            return Result.Failure($"Version {version.Number} is being audited already; its audit appears here when it finishes (see Jobs).");
        }

        scheduler.Enqueue(db, new AuditModelParameters(versionId), caller);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
