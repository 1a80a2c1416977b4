using Dashboard.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class RecommendationFeedbackConfiguration : IEntityTypeConfiguration<RecommendationFeedback>
{
    public void Configure(EntityTypeBuilder<RecommendationFeedback> builder)
    {
        builder.Property(f => f.RecommendationId).HasMaxLength(ServedRecommendation.IdMaxLength);
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(f => f.EndUser).WithMany().HasForeignKey(f => f.EndUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Item).WithMany().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.TenantId, f.RecommendationId });
        builder.HasIndex(f => new { f.TenantId, f.EndUserId });
        builder.HasIndex(f => new { f.TenantId, f.ItemId });
        // Campaign results count feedback per arm and day.
        builder.HasIndex(f => new { f.TenantId, f.CampaignId, f.OccurredAtUtc });
    }
}
