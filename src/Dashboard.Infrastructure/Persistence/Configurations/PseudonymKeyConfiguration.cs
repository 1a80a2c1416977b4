using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class PseudonymKeyConfiguration : IEntityTypeConfiguration<PseudonymKey>
{
    public void Configure(EntityTypeBuilder<PseudonymKey> builder)
    {
        builder.Property(k => k.ProtectedKey).HasMaxLength(PseudonymKey.ProtectedKeyMaxLength);
        builder.HasIndex(k => new { k.TenantId, k.CreatedAtUtc });
    }
}
