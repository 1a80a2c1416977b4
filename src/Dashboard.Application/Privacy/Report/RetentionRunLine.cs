namespace Dashboard.Application.Privacy.Report;

public sealed record RetentionRunLine(
    DateTime StartedAtUtc, DateTime? FinishedAtUtc, int RetentionDays, DateTime CutoffUtc, long InteractionsDeleted, long FeedbackDeleted, long ServedListsDeleted);
