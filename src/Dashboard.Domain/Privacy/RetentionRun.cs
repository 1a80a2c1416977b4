using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Privacy;

/// <summary>One run of the retention job: the rule it applied and how many rows it deleted.</summary>
public sealed class RetentionRun : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid? JobRunId { get; set; }

    public int RetentionDays { get; set; }

    /// <summary>Rows that happened before this moment were deleted.</summary>
    public DateTime CutoffUtc { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    public long InteractionsDeleted { get; set; }

    public long FeedbackDeleted { get; set; }

    public long ServedListsDeleted { get; set; }
}
