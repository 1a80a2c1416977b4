using Dashboard.Domain.Fairness;
using Dashboard.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class FairnessSettingsConfiguration : IEntityTypeConfiguration<FairnessSettings>
{
    public void Configure(EntityTypeBuilder<FairnessSettings> builder)
    {
        builder.HasKey(s => s.TenantId);
        builder.Property(s => s.TenantId).ValueGeneratedNever();
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.HasOne<Tenant>().WithOne().HasForeignKey<FairnessSettings>(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
