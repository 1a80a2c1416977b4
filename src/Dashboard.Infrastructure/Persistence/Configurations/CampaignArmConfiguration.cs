using Dashboard.Domain.Blends;
using Dashboard.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class CampaignArmConfiguration : IEntityTypeConfiguration<CampaignArm>
{
    public void Configure(EntityTypeBuilder<CampaignArm> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(CampaignArm.NameMaxLength);
        // A deleted blend leaves the arm without one: the campaign shows it and cannot start (or keep serving that arm).
        builder.HasOne<Blend>().WithMany().HasForeignKey(a => a.BlendId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.TenantId, a.CampaignId });
    }
}
