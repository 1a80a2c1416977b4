using Dashboard.Domain.Blends;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.Property(v => v.EngineVersion).HasMaxLength(ModelVersion.EngineVersionMaxLength);
        builder.Property(v => v.ArtifactSha256).HasMaxLength(64);
        builder.Property(v => v.TrainedBy).HasMaxLength(256);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.UnusableReason).HasMaxLength(ModelVersion.ReasonMaxLength);
        // Two compliance officers deciding at once: the second save finds the review changed and writes nothing.
        builder.Property(v => v.Review).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(v => v.ReviewedBy).HasMaxLength(256);
        builder.Property(v => v.ReviewJustification).HasMaxLength(ModelVersion.JustificationMaxLength);
        builder.HasOne<Blend>().WithMany().HasForeignKey(v => v.BlendId).OnDelete(DeleteBehavior.Cascade);
        // Two trainings of one blend finishing together cannot both write number n: the second save fails and writes nothing.
        builder.HasIndex(v => new { v.TenantId, v.BlendId, v.Number }).IsUnique();
    }
}
