using Dashboard.Domain.Blends;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class BlendConfiguration : IEntityTypeConfiguration<Blend>
{
    public void Configure(EntityTypeBuilder<Blend> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(Blend.NameMaxLength);
        builder.Property(b => b.Schedule).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.CronExpression).HasMaxLength(Blend.CronMaxLength);
        builder.Property(b => b.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(b => new { b.TenantId, b.Name }).IsUnique();
    }
}
