namespace Dashboard.Application.Auditing;

/// <summary>One named value of an audited setting, as written: "Bad rows" = "Skip bad rows".</summary>
public sealed record AuditField(string Name, string Value);
