namespace Dashboard.Application.Jobs;

/// <summary>A run that stopped without recording its outcome (the process died, or it could not be queued), and why.</summary>
public sealed record InterruptedJob(Guid TenantId, Guid JobRunId, string Reason);
