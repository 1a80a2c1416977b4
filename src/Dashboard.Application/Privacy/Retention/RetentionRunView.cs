using Dashboard.Domain.Privacy;

namespace Dashboard.Application.Privacy.Retention;

/// <summary>One retention run for the past-runs table.</summary>
public sealed record RetentionRunView(
    Guid Id, DateTime StartedAtUtc, DateTime? FinishedAtUtc, int RetentionDays, DateTime CutoffUtc, long InteractionsDeleted, long FeedbackDeleted, long ServedListsDeleted)
{
    public static RetentionRunView From(RetentionRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RetentionRunView(run.Id, run.StartedAtUtc, run.FinishedAtUtc, run.RetentionDays, run.CutoffUtc, run.InteractionsDeleted, run.FeedbackDeleted, run.ServedListsDeleted);
    }
}
