using Dashboard.Domain.DataSources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.CreatedBy).HasMaxLength(256);
        builder.Property(k => k.Scopes).HasMaxLength(ApiScopes.StoredMaxLength);
        builder.Ignore(k => k.IsActive);
        // Requests arrive with a key, not a tenant: the hash is looked up across tenants (one reviewed place).
        builder.HasIndex(k => k.Hash);
        builder.HasIndex(k => new { k.TenantId, k.CreatedAtUtc });
    }
}
