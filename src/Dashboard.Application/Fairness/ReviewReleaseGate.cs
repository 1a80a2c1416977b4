using Dashboard.Application.Common;
using Dashboard.Application.Compliance;
using Dashboard.Domain.Blends;

namespace Dashboard.Application.Fairness;

/// <summary>
/// The compliance gate: a version may go live when it predates audits, its latest audit found no blocking failure,
/// or a compliance officer approved it. Waiting for its audit or for a review, or rejected, it may not.
/// </summary>
internal sealed class ReviewReleaseGate : IReleaseGate
{
    public Task<ReleaseDecision> CheckAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Task.FromResult(version.Review switch
        {
            ReleaseReview.NotAudited or ReleaseReview.Cleared or ReleaseReview.Approved => ReleaseDecision.Allow,
            ReleaseReview.AwaitingAudit => ReleaseDecision.Block("its bias audit has not finished yet (see Jobs)."),
            ReleaseReview.AwaitingReview => ReleaseDecision.Block(
                "its bias audit found a blocking failure; a compliance officer must review it on the Bias audits page first."),
            ReleaseReview.Rejected => ReleaseDecision.Block(
                $"a compliance officer ({version.ReviewedBy}) rejected it on {UtcText.Format(version.ReviewedAtUtc, "an unknown date")}: “{version.ReviewJustification}”."),
            _ => ReleaseDecision.Block("its compliance review state is unknown."),
        });
    }
}
