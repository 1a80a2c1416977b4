using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Jobs;

/// <summary>
/// The tenant-visible record of one background job execution. Hangfire's own storage shows every
/// tenant's arguments, so tenants see these rows instead.
/// </summary>
public sealed class JobRun : ITenantOwned
{
    public const int MessageMaxLength = 500;
    public const int ErrorMaxLength = 4000;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public JobKind Kind { get; set; }

    public JobState State { get; set; }

    /// <summary>0–100.</summary>
    public int Progress { get; set; }

    public string? Message { get; set; }

    public string? Error { get; set; }

    /// <summary>The job's parameters as JSON, so "run again" can repeat it exactly.</summary>
    public string? ParametersJson { get; set; }

    public string? RequestedBy { get; set; }

    public DateTime QueuedAtUtc { get; set; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>
    /// Set when someone asks to cancel the run. The node running it reads this every second, so a cancel
    /// asked on one node stops a run on another.
    /// </summary>
    public DateTime? CancelRequestedAtUtc { get; set; }

    public string? CancelRequestedBy { get; set; }

    public TimeSpan? Duration => StartedAtUtc is { } s ? (FinishedAtUtc ?? DateTime.UtcNow) - s : null;
}
