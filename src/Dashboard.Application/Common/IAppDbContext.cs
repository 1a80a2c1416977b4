using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Fairness;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Privacy;
using Dashboard.Domain.Recommendations;
using Dashboard.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Dashboard.Application.Common;

/// <summary>
/// The application's view of the database. Every tenant-owned set is already filtered to the tenant
/// the context was created for (see <see cref="ITenantDbContextFactory"/>).
/// </summary>
public interface IAppDbContext : IAsyncDisposable
{
    Guid TenantId { get; }

    DbSet<Tenant> Tenants { get; }

    DbSet<EndUser> EndUsers { get; }

    DbSet<EndUserAttribute> EndUserAttributes { get; }

    DbSet<Item> Items { get; }

    DbSet<ItemAttribute> ItemAttributes { get; }

    DbSet<Interaction> Interactions { get; }

    DbSet<JobRun> JobRuns { get; }

    DbSet<AuditLogEntry> AuditLog { get; }

    DbSet<DataSource> DataSources { get; }

    DbSet<DataSourceDataset> DataSourceDatasets { get; }

    DbSet<ImportRun> ImportRuns { get; }

    DbSet<ImportError> ImportErrors { get; }

    DbSet<ApiKey> ApiKeys { get; }

    DbSet<RecommendationFeedback> RecommendationFeedback { get; }

    DbSet<ServedRecommendation> ServedRecommendations { get; }

    DbSet<Blend> Blends { get; }

    DbSet<ModelVersion> ModelVersions { get; }

    DbSet<WeightTuning> WeightTunings { get; }

    DbSet<ConsentRecord> ConsentRecords { get; }

    DbSet<ConsentPurpose> ConsentPurposes { get; }

    DbSet<PrivacySettings> PrivacySettings { get; }

    DbSet<PseudonymKey> PseudonymKeys { get; }

    DbSet<AttributeGeneralisation> AttributeGeneralisations { get; }

    DbSet<PrivacyBudgetSpend> PrivacyBudgetLedger { get; }

    DbSet<RetentionRun> RetentionRuns { get; }

    DbSet<PrivacyRequest> PrivacyRequests { get; }

    DbSet<BiasAudit> BiasAudits { get; }

    DbSet<FairnessSettings> FairnessSettings { get; }

    DbSet<Segment> Segments { get; }

    DbSet<Campaign> Campaigns { get; }

    DbSet<CampaignArm> CampaignArms { get; }

    DbSet<CampaignExport> CampaignExports { get; }

    /// <summary>
    /// The change-tracking entry of an entity, e.g. to mark single properties of an attached stub as
    /// modified so that SaveChanges updates only those columns.
    /// </summary>
    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
