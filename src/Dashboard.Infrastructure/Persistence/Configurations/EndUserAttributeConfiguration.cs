using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class EndUserAttributeConfiguration : IEntityTypeConfiguration<EndUserAttribute>
{
    public void Configure(EntityTypeBuilder<EndUserAttribute> builder)
    {
        builder.Property(a => a.Key).HasMaxLength(EndUserAttribute.KeyMaxLength);
        builder.Property(a => a.Value).HasMaxLength(EndUserAttribute.StoredValueMaxLength);
        builder.HasIndex(a => new { a.TenantId, a.EndUserId, a.Key }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.Key });
    }
}
