using Dashboard.Domain.DataSources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class DataSourceDatasetConfiguration : IEntityTypeConfiguration<DataSourceDataset>
{
    public void Configure(EntityTypeBuilder<DataSourceDataset> builder)
    {
        builder.Property(d => d.Dataset).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.StoredFileName).HasMaxLength(128);
        builder.Property(d => d.OriginalFileName).HasMaxLength(256);
        builder.HasIndex(d => new { d.TenantId, d.DataSourceId, d.Dataset }).IsUnique();
    }
}
