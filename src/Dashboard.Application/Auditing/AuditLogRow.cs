namespace Dashboard.Application.Auditing;

/// <summary>One audit entry as people read it: when, who, a sentence, and the before/after field by field.</summary>
public sealed record AuditLogRow(
    long Id, DateTime AtUtc, string Who, string Action, string ActionLabel, string Sentence, string Subject, IReadOnlyList<AuditChange> Changes);
