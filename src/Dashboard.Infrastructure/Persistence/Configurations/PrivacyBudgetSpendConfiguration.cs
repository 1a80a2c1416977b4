using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class PrivacyBudgetSpendConfiguration : IEntityTypeConfiguration<PrivacyBudgetSpend>
{
    public void Configure(EntityTypeBuilder<PrivacyBudgetSpend> builder)
    {
        builder.ToTable("PrivacyBudgetLedger");
        builder.Property(s => s.SpentBy).HasMaxLength(PrivacyBudgetSpend.SpentByMaxLength);
        builder.Property(s => s.Query).HasMaxLength(PrivacyBudgetSpend.QueryMaxLength);
        builder.Property(s => s.ReleasedAnswer).HasMaxLength(PrivacyBudgetSpend.ReleasedAnswerMaxLength);
        builder.HasIndex(s => new { s.TenantId, s.PeriodStartUtc });
    }
}
