using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Fairness;

/// <summary>
/// One bias audit of a model version: the figures per sensitive attribute and group on the version's held-out
/// data, judged against the thresholds in force when it ran. Written once, whole, at the end of the audit job
/// (never half-written) and never changed; an audit run again is a new row, so the history of each figure stays.
/// </summary>
public sealed class BiasAudit : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ModelVersionId { get; set; }

    public Guid BlendId { get; set; }

    /// <summary>The version's number within its blend, kept so the history reads without a join.</summary>
    public int VersionNumber { get; set; }

    /// <summary>The audit job run that wrote it.</summary>
    public Guid? JobRunId { get; set; }

    /// <summary>Who asked for it: a person's e-mail, or the app after a training.</summary>
    public string? RequestedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public BiasAuditOutcome Outcome { get; set; }

    public int FailCount { get; set; }

    public int BlockingFailCount { get; set; }

    public int WarnCount { get; set; }

    /// <summary>End-users whose held-out lists were audited.</summary>
    public int EvaluatedEndUsers { get; set; }

    /// <summary>The sensitive attributes audited, comma-separated, as people read them ("age_band, gender, region").</summary>
    public required string Attributes { get; set; }

    public double Seconds { get; set; }

    /// <summary>The whole report (figures, group sizes, intervals, findings with their sentences): an Application <c>BiasAuditDocument</c> as JSON.</summary>
    public required string ReportJson { get; set; }

    /// <summary>The thresholds it was judged by, as JSON, so a later change of thresholds does not rewrite what this audit said.</summary>
    public required string ThresholdsJson { get; set; }
}
