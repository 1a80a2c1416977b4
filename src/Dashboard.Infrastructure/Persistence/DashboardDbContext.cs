using System.Linq.Expressions;
using Dashboard.Application.Common;
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
using Dashboard.Infrastructure.Identity;
using Dashboard.Infrastructure.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// The one DbContext (Identity + product data). Each instance is bound to at most one tenant:
/// every <see cref="ITenantOwned"/> entity gets the named query filter <see cref="TenantFilter"/>,
/// and SaveChanges stamps new rows with the tenant and refuses rows of another tenant. An instance
/// without a tenant (Identity's scoped context, registration) can read no tenant-owned row and
/// write none. Work that must only follow committed changes (handing a job to Hangfire) is registered
/// with <see cref="AfterCommit"/>. It also holds the Data Protection key ring, which belongs to the app, not to a tenant.
/// The audit log is append-only: SaveChanges refuses an edited or deleted <see cref="AuditLogEntry"/>
/// (<see cref="AuditLogChangeRefusedException"/>). No product path removes or rewrites entries — there is no tenant
/// deletion, and erasure and pseudonym re-keying add entries (naming requests by their reference) and leave the
/// existing ones alone — so there is no exception to the rule.
/// </summary>
public class DashboardDbContext(DbContextOptions<DashboardDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IAppDbContext, IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";

    private readonly List<Func<CancellationToken, Task>> _afterNextSave = [];
    private readonly Dictionary<Guid, List<Func<CancellationToken, Task>>> _afterTransaction = [];

    /// <summary>The tenant this instance serves; <see cref="Guid.Empty"/> means "none".</summary>
    public Guid TenantId { get; private set; }

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<EndUser> EndUsers => Set<EndUser>();

    public DbSet<EndUserAttribute> EndUserAttributes => Set<EndUserAttribute>();

    public DbSet<Item> Items => Set<Item>();

    public DbSet<ItemAttribute> ItemAttributes => Set<ItemAttribute>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    public DbSet<DataSource> DataSources => Set<DataSource>();

    public DbSet<DataSourceDataset> DataSourceDatasets => Set<DataSourceDataset>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<ImportError> ImportErrors => Set<ImportError>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Blend> Blends => Set<Blend>();

    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    public DbSet<RecommendationFeedback> RecommendationFeedback => Set<RecommendationFeedback>();

    public DbSet<ServedRecommendation> ServedRecommendations => Set<ServedRecommendation>();

    public DbSet<WeightTuning> WeightTunings => Set<WeightTuning>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<ConsentPurpose> ConsentPurposes => Set<ConsentPurpose>();

    public DbSet<PrivacySettings> PrivacySettings => Set<PrivacySettings>();

    public DbSet<PseudonymKey> PseudonymKeys => Set<PseudonymKey>();

    public DbSet<AttributeGeneralisation> AttributeGeneralisations => Set<AttributeGeneralisation>();

    public DbSet<PrivacyBudgetSpend> PrivacyBudgetLedger => Set<PrivacyBudgetSpend>();

    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    public DbSet<PrivacyRequest> PrivacyRequests => Set<PrivacyRequest>();

    public DbSet<BiasAudit> BiasAudits => Set<BiasAudit>();

    public DbSet<FairnessSettings> FairnessSettings => Set<FairnessSettings>();

    public DbSet<Segment> Segments => Set<Segment>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignArm> CampaignArms => Set<CampaignArm>();

    public DbSet<CampaignExport> CampaignExports => Set<CampaignExport>();

    public DbSet<StoredBlob> StoredBlobs => Set<StoredBlob>();

    public DbSet<StoredBlobChunk> StoredBlobChunks => Set<StoredBlobChunk>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Binds this (fresh) instance to a tenant. Called once by the tenant factory.</summary>
    internal void BindTenant(Guid tenantId)
    {
        if (TenantId != Guid.Empty && TenantId != tenantId)
        {
            throw new InvalidOperationException("This context is already bound to another tenant.");
        }

        TenantId = tenantId;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);

        builder.Entity<ApplicationUser>(b =>
        {
            b.HasIndex(u => u.TenantId);
            b.Property(u => u.DisplayName).HasMaxLength(100);
        });

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
            {
                builder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, BuildTenantFilter(entityType.ClrType));
            }
        }
    }

    private LambdaExpression BuildTenantFilter(Type clrType)
    {
        // e => e.TenantId == this.TenantId; EF turns the context property into a per-instance parameter.
        var e = Expression.Parameter(clrType, "e");
        var body = Expression.Equal(
            Expression.Property(e, nameof(ITenantOwned.TenantId)),
            Expression.Property(Expression.Constant(this), nameof(TenantId)));
        return Expression.Lambda(body, e);
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the changes pending now are committed: right after the next
    /// successful SaveChangesAsync, or, when that save runs inside a transaction, after that transaction
    /// commits. If the save fails or the transaction is rolled back (or disposed uncommitted), it never runs.
    /// </summary>
    internal void AfterCommit(Func<CancellationToken, Task> action) => _afterNextSave.Add(action);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (_afterNextSave.Count > 0)
        {
            throw new InvalidOperationException("Changes with work to run after commit must be saved with SaveChangesAsync.");
        }

        EnforceTenant();
        RefuseAuditLogChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnforceTenant();
        RefuseAuditLogChanges();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (_afterNextSave.Count == 0)
        {
            return saved;
        }

        var actions = _afterNextSave.ToList();
        _afterNextSave.Clear();
        if (Database.CurrentTransaction is { } transaction)
        {
            AwaitCommit(transaction.TransactionId).AddRange(actions);
        }
        else
        {
            // The save was its own transaction and has committed; a caller's cancellation must not undo the hand-over.
            await RunAsync(actions, CancellationToken.None);
        }

        return saved;
    }

    internal bool HasWorkAfterCommit(Guid transactionId) => _afterTransaction.ContainsKey(transactionId);

    internal async Task TransactionCommittedAsync(Guid transactionId)
    {
        if (_afterTransaction.Remove(transactionId, out var actions))
        {
            await RunAsync(actions, CancellationToken.None);
        }
    }

    internal void TransactionRolledBack(Guid transactionId) => _afterTransaction.Remove(transactionId);

    private List<Func<CancellationToken, Task>> AwaitCommit(Guid transactionId)
    {
        if (!_afterTransaction.TryGetValue(transactionId, out var list))
        {
            _afterTransaction[transactionId] = list = [];
        }

        return list;
    }

    private static async Task RunAsync(List<Func<CancellationToken, Task>> actions, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            await action(cancellationToken);
        }
    }

    private void RefuseAuditLogChanges()
    {
        foreach (var entry in ChangeTracker.Entries<AuditLogEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new AuditLogChangeRefusedException(
                    $"Audit log entry {entry.Entity.Id} was {(entry.State == EntityState.Deleted ? "deleted" : "edited")}: the audit log is append-only, "
                    + "so entries can only be added, never changed or removed. Nothing was saved.");
            }
        }
    }

    private void EnforceTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (TenantId == Guid.Empty)
            {
                throw new TenantViolationException(
                    $"A {entry.Metadata.ClrType.Name} was written through a context bound to no tenant.");
            }

            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = TenantId;
            }
            else if (entry.Entity.TenantId != TenantId
                || (entry.State != EntityState.Added && (Guid)entry.OriginalValues[nameof(ITenantOwned.TenantId)]! != TenantId))
            {
                throw new TenantViolationException(
                    $"A {entry.Metadata.ClrType.Name} of another tenant was written through a context bound to this tenant.");
            }
        }
    }
}
