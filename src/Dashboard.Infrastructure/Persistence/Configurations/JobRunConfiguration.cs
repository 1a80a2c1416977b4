using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(64);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Message).HasMaxLength(JobRun.MessageMaxLength);
        builder.Property(j => j.Error).HasMaxLength(JobRun.ErrorMaxLength);
        builder.Property(j => j.RequestedBy).HasMaxLength(256);
        builder.Property(j => j.CancelRequestedBy).HasMaxLength(256);
        builder.Ignore(j => j.Duration);
        builder.HasIndex(j => new { j.TenantId, j.QueuedAtUtc });
    }
}
