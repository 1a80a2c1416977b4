using Dashboard.Domain.Blends;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class WeightTuningConfiguration : IEntityTypeConfiguration<WeightTuning>
{
    public void Configure(EntityTypeBuilder<WeightTuning> builder)
    {
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Blend>().WithMany().HasForeignKey(t => t.BlendId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.TenantId, t.BlendId, t.CreatedAtUtc });
    }
}
