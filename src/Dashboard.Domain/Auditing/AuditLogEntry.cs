using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Auditing;

/// <summary>Who changed what, when, with the value before and after. Written once, never updated.</summary>
public sealed class AuditLogEntry : ITenantOwned
{
    public const int ActionMaxLength = 100;
    public const int SubjectMaxLength = 256;
    public const int ValueMaxLength = 4000;
    public const int UserNameMaxLength = 256;

    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public required string UserName { get; set; }

    public required string Action { get; set; }

    public required string Subject { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
