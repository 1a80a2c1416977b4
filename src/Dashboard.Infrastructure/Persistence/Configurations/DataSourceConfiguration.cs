using Dashboard.Domain.DataSources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class DataSourceConfiguration : IEntityTypeConfiguration<DataSource>
{
    public void Configure(EntityTypeBuilder<DataSource> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(DataSource.NameMaxLength);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.BadRows).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.UnknownItems).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.FileFormat).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.SqlProvider).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastImportState).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Delimiter).HasMaxLength(8);
        builder.Property(d => d.Encoding).HasMaxLength(32);
        builder.Property(d => d.ConnectionStringHint).HasMaxLength(256);
        builder.Property(d => d.SampleTemplate).HasMaxLength(32);
        builder.HasIndex(d => new { d.TenantId, d.Name }).IsUnique();
        builder.HasMany(d => d.Datasets).WithOne(s => s.DataSource).HasForeignKey(s => s.DataSourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
