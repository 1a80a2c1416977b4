using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class BiasAuditConfiguration : IEntityTypeConfiguration<BiasAudit>
{
    public void Configure(EntityTypeBuilder<BiasAudit> builder)
    {
        builder.Property(a => a.RequestedBy).HasMaxLength(256);
        builder.Property(a => a.Attributes).HasMaxLength(1000);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(32);
        // An audit belongs to its version: pruning or deleting the version (or its blend) takes its audits with it.
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(a => a.ModelVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TenantId, a.ModelVersionId, a.CreatedAtUtc });
        builder.HasIndex(a => new { a.TenantId, a.CreatedAtUtc });
    }
}
