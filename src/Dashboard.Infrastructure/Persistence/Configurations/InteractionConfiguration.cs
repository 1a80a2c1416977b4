using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(i => i.EndUser).WithMany().HasForeignKey(i => i.EndUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Item).WithMany().HasForeignKey(i => i.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.TenantId, i.OccurredAtUtc });

        // Lookups by end-user or item use the foreign-key indexes EF adds on EndUserId and ItemId (ids are unique
        // across tenants, so a tenant prefix narrows nothing). Tenant-prefixed copies of them doubled the index
        // space (the tenant id is 36 characters) and were the two slowest indexes to build after a large import.
    }
}
