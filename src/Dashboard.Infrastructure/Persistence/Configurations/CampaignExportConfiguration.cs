using Dashboard.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class CampaignExportConfiguration : IEntityTypeConfiguration<CampaignExport>
{
    public void Configure(EntityTypeBuilder<CampaignExport> builder)
    {
        builder.Property(e => e.StoredName).HasMaxLength(CampaignExport.StoredNameMaxLength);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TenantId, e.CampaignId, e.CreatedAtUtc });
    }
}
