using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.Property(c => c.Purpose).HasMaxLength(ConsentRecord.PurposeMaxLength);
        builder.Property(c => c.Source).HasMaxLength(ConsentRecord.SourceMaxLength);
        builder.Property(c => c.NoticeVersion).HasMaxLength(ConsentRecord.NoticeVersionMaxLength);
        builder.Property(c => c.ProofReference).HasMaxLength(ConsentRecord.ProofReferenceMaxLength);
        // Erasing an end-user removes their consent history with them.
        builder.HasOne(c => c.EndUser).WithMany().HasForeignKey(c => c.EndUserId).OnDelete(DeleteBehavior.Cascade);
        // The gate reads the latest record per end-user and purpose; coverage charts go by purpose and time.
        builder.HasIndex(c => new { c.EndUserId, c.Purpose, c.OccurredAtUtc });
        builder.HasIndex(c => new { c.TenantId, c.Purpose, c.OccurredAtUtc });
    }
}
