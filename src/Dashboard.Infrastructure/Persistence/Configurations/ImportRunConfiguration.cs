using Dashboard.Domain.DataSources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.Property(r => r.Dataset).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Summary).HasMaxLength(1000);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.TenantId, r.DataSourceId, r.QueuedAtUtc });
        builder.HasOne<DataSource>().WithMany().HasForeignKey(r => r.DataSourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
