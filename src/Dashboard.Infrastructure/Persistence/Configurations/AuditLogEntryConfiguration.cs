using Dashboard.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(AuditLogEntry.UserNameMaxLength);
        builder.Property(a => a.Action).HasMaxLength(AuditLogEntry.ActionMaxLength);
        builder.Property(a => a.Subject).HasMaxLength(AuditLogEntry.SubjectMaxLength);
        builder.Property(a => a.Before).HasMaxLength(AuditLogEntry.ValueMaxLength);
        builder.Property(a => a.After).HasMaxLength(AuditLogEntry.ValueMaxLength);
        builder.HasIndex(a => new { a.TenantId, a.AtUtc });
    }
}
