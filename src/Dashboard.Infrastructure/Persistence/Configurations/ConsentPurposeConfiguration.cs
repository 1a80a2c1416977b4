using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class ConsentPurposeConfiguration : IEntityTypeConfiguration<ConsentPurpose>
{
    public void Configure(EntityTypeBuilder<ConsentPurpose> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(ConsentPurpose.NameMaxLength);
        builder.Property(p => p.Description).HasMaxLength(ConsentPurpose.DescriptionMaxLength);
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
    }
}
