namespace Dashboard.Application.Auditing;

/// <summary>One line of an entry's detail view: a setting with its value before and after.</summary>
public sealed record AuditChange(string Field, string? Before, string? After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}
