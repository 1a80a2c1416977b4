using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> builder)
    {
        builder.Property(i => i.ExternalId).HasMaxLength(Item.ExternalIdMaxLength);
        builder.Property(i => i.Title).HasMaxLength(Item.TitleMaxLength);
        builder.Property(i => i.Category).HasMaxLength(Item.CategoryMaxLength);
        builder.Property(i => i.Tags).HasMaxLength(Item.TagsMaxLength);
        builder.Property(i => i.Price).HasPrecision(18, 2);
        builder.HasIndex(i => new { i.TenantId, i.ExternalId }).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.Category });
        builder.HasMany(i => i.Attributes).WithOne(a => a.Item).HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
