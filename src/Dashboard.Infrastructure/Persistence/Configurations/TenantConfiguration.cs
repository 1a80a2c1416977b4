using Dashboard.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Tenant.NameMaxLength);
        builder.Property(t => t.NormalizedName).HasMaxLength(Tenant.NameMaxLength);
        builder.HasIndex(t => t.NormalizedName).IsUnique();
    }
}
