using Dashboard.Domain.Data;
using Dashboard.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ServedRecommendationConfiguration : IEntityTypeConfiguration<ServedRecommendation>
{
    public void Configure(EntityTypeBuilder<ServedRecommendation> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(ServedRecommendation.IdMaxLength);
        builder.Property(s => s.EndUserExternalId).HasMaxLength(EndUser.ExternalIdMaxLength);
        builder.Property(s => s.SourceItemExternalId).HasMaxLength(Item.ExternalIdMaxLength);
        // The privacy feature finds what an end-user was shown; reports go by time.
        builder.HasIndex(s => new { s.TenantId, s.EndUserExternalId });
        builder.HasIndex(s => new { s.TenantId, s.ServedAtUtc });
        // Campaign results count lists per arm and day.
        builder.HasIndex(s => new { s.TenantId, s.CampaignId, s.ServedAtUtc });
    }
}
