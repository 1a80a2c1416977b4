namespace Dashboard.Application.Auditing;

/// <summary>The audit log's filters; null means "any". Dates are UTC days, both ends included.</summary>
public sealed record AuditLogQuery(string? Person = null, string? Action = null, DateOnly? From = null, DateOnly? To = null, string? Search = null);
