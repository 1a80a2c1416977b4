using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class AttributeGeneralisationConfiguration : IEntityTypeConfiguration<AttributeGeneralisation>
{
    public void Configure(EntityTypeBuilder<AttributeGeneralisation> builder)
    {
        builder.Property(g => g.AttributeKey).HasMaxLength(AttributeGeneralisation.AttributeKeyMaxLength);
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(g => new { g.TenantId, g.AttributeKey }).IsUnique();
    }
}
