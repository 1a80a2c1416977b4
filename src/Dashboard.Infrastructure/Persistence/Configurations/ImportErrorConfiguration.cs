using Dashboard.Domain.DataSources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ImportErrorConfiguration : IEntityTypeConfiguration<ImportError>
{
    public void Configure(EntityTypeBuilder<ImportError> builder)
    {
        builder.Property(e => e.Column).HasMaxLength(ImportError.ColumnMaxLength);
        builder.Property(e => e.Value).HasMaxLength(ImportError.ValueMaxLength);
        builder.Property(e => e.Reason).HasMaxLength(ImportError.ReasonMaxLength);
        builder.HasIndex(e => new { e.TenantId, e.ImportRunId, e.Line });
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(e => e.ImportRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
