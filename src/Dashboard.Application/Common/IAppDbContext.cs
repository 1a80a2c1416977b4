using Dashboard.Domain.Auditing;
using Dashboard.Domain.Data;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;

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

    DbSet<Interaction> Interactions { get; }

    DbSet<JobRun> JobRuns { get; }

    DbSet<AuditLogEntry> AuditLog { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
