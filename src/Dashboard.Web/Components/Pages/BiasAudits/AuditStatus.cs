using Dashboard.Application.Fairness;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.BiasAudits;

/// <summary>
/// The one status an audit row shows: a blocking failure reads as where its review stands (waiting, approved,
/// rejected), since that is what decides whether the version may go live; other outcomes read as themselves.
/// </summary>
public static class AuditStatus
{
    public static (string Text, Color Color) Of(BiasAuditSummary audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return audit.Outcome switch
        {
            BiasAuditOutcome.BlockingFailure => audit.Review switch
            {
                ReleaseReview.Approved => ("Blocking — approved", Color.Success),
                ReleaseReview.Rejected => ("Blocking — rejected", Color.Error),
                ReleaseReview.AwaitingReview => ("Blocking — waiting for review", Color.Error),
                _ => ("Blocking failure", Color.Error),
            },
            BiasAuditOutcome.Failed => ("Failed", Color.Warning),
            BiasAuditOutcome.PassedWithWarnings => ("Warnings", Color.Info),
            _ => ("Passed", Color.Success),
        };
    }

    /// <summary>Where a version's review stands, as a chip (BlendVersions and the audit header).</summary>
    public static (string Text, Color Color) Of(ReleaseReview review) => review switch
    {
        ReleaseReview.NotAudited => ("Not audited", Color.Default),
        ReleaseReview.AwaitingAudit => ("Audit running", Color.Info),
        ReleaseReview.Cleared => ("Audit passed", Color.Success),
        ReleaseReview.AwaitingReview => ("Waiting for review", Color.Error),
        ReleaseReview.Approved => ("Approved", Color.Success),
        ReleaseReview.Rejected => ("Rejected", Color.Error),
        _ => ("Unknown", Color.Default),
    };
}
