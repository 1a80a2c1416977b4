using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class EndUserConfiguration : IEntityTypeConfiguration<EndUser>
{
    public void Configure(EntityTypeBuilder<EndUser> builder)
    {
        builder.Property(u => u.ExternalId).HasMaxLength(EndUser.ExternalIdMaxLength);
        builder.HasIndex(u => new { u.TenantId, u.ExternalId }).IsUnique();
        builder.HasMany(u => u.Attributes).WithOne(a => a.EndUser).HasForeignKey(a => a.EndUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
