using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ItemAttributeConfiguration : IEntityTypeConfiguration<ItemAttribute>
{
    public void Configure(EntityTypeBuilder<ItemAttribute> builder)
    {
        builder.Property(a => a.Key).HasMaxLength(ItemAttribute.KeyMaxLength);
        builder.Property(a => a.Value).HasMaxLength(ItemAttribute.ValueMaxLength);
        builder.HasIndex(a => new { a.TenantId, a.ItemId, a.Key }).IsUnique();
    }
}
