using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Fairness;

/// <summary>
/// A compliance officer's decision on a model version its bias audit held back: approve with a written
/// justification (it may then go live, and does at once where the training would have activated it) or reject
/// (it never goes live). Only SignOffAudits may decide — a Marketer's or an Admin's call is refused here, not only
/// on the page. The decision, who and when are kept on the version and in the audit log.
/// </summary>
public sealed class ReleaseReviewService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, ModelActivation activation, IAuditLog audit, TimeProvider time)
{
    public const int MinJustificationLength = 20;

    public Task<ReviewResult> ApproveAsync(Guid versionId, string justification, CancellationToken cancellationToken = default) =>
        DecideAsync(versionId, justification, approve: true, cancellationToken);

    public Task<ReviewResult> RejectAsync(Guid versionId, string justification, CancellationToken cancellationToken = default) =>
        DecideAsync(versionId, justification, approve: false, cancellationToken);

    private async Task<ReviewResult> DecideAsync(Guid versionId, string justification, bool approve, CancellationToken cancellationToken)
    {
        var caller = await currentUser.DemandAsync(Policies.SignOffAudits, cancellationToken);
        var text = justification?.Trim() ?? string.Empty;
        if (text.Length < MinJustificationLength)
        {
            return ReviewResult.Refused($"Write why, in at least {MinJustificationLength} characters: the justification is what an auditor reads later.");
        }

        if (text.Length > ModelVersion.JustificationMaxLength)
        {
            return ReviewResult.Refused($"The justification is {text.Length:N0} characters long; keep it to {ModelVersion.JustificationMaxLength:N0}.");
        }

        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var version = await db.ModelVersions.FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken)
            ?? throw new NotFoundException("That model version does not exist.");
        if (version.Review != ReleaseReview.AwaitingReview)
        {
            return ReviewResult.Refused($"Version {version.Number} is not waiting for a review ({Describe(version.Review)}); nothing was changed.");
        }

        var blend = await db.Blends.FirstAsync(b => b.Id == version.BlendId, cancellationToken);
        var auditId = await db.BiasAudits.Where(a => a.ModelVersionId == version.Id)
            .OrderByDescending(a => a.CreatedAtUtc).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        version.Review = approve ? ReleaseReview.Approved : ReleaseReview.Rejected;
        version.ReviewedBy = caller.ActorName;
        version.ReviewedAtUtc = time.GetUtcNow().UtcDateTime;
        version.ReviewJustification = text;
        version.ReviewedAuditId = auditId;
        audit.Record(db, caller, approve ? AuditActions.ModelVersionApproved : AuditActions.ModelVersionRejected, blend.Name, null,
            AuditFields.Write(("Version", $"version {version.Number}"), ("Justification", text)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReviewResult.Refused("Someone else decided on this version meanwhile; reload the page.");
        }

        if (!approve)
        {
            return new(true, $"Rejected version {version.Number} of “{blend.Name}”; it will never go live.");
        }

        return new(true, $"Approved version {version.Number} of “{blend.Name}”. {await ActivateIfDueAsync(db, blend, version, caller, cancellationToken)}");
    }

    /// <summary>Activation follows the approval where the training would have activated the version: the blend's first, or newer and within the auto-activation margin.</summary>
    private async Task<string> ActivateIfDueAsync(IAppDbContext db, Blend blend, ModelVersion version, CallerContext caller, CancellationToken cancellationToken)
    {
        var active = blend.ActiveVersionId is { } id ? await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) : null;
        if (active is not null && active.Number > version.Number)
        {
            return $"Version {active.Number} stays live; a marketer can activate this one on the blend's versions.";
        }

        if (!TrainModelJobHandler.ShouldAutoActivate(blend, version.NdcgAt10, active?.NdcgAt10))
        {
            return "It is not activated automatically (the blend's automatic activation is off or it scored below the margin); a marketer can activate it on the blend's versions.";
        }

        var result = await activation.ActivateAsync(db, blend, version, caller, AuditActions.ModelVersionActivated, cancellationToken);
        return result.Succeeded ? "It is now live." : $"It could not be activated: {string.Join(" ", result.Errors)}";
    }

    internal static string Describe(ReleaseReview review) => review switch
    {
        ReleaseReview.NotAudited => "it was trained before bias audits existed",
        ReleaseReview.AwaitingAudit => "its bias audit has not finished",
        ReleaseReview.Cleared => "its bias audit found no blocking failure",
        ReleaseReview.AwaitingReview => "it waits for a compliance officer's review",
        ReleaseReview.Approved => "it was approved",
        ReleaseReview.Rejected => "it was rejected",
        _ => "its review state is unknown",
    };
}
