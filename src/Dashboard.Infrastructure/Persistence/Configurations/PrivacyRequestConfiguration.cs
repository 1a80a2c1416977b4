using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(PrivacyRequest.ReferenceMaxLength);
        builder.Property(r => r.RequestedBy).HasMaxLength(PrivacyRequest.RequestedByMaxLength);
        builder.Property(r => r.Channel).HasMaxLength(PrivacyRequest.ChannelMaxLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.TenantId, r.ReceivedAtUtc });
        builder.HasIndex(r => new { r.TenantId, r.Reference }).IsUnique();
    }
}
