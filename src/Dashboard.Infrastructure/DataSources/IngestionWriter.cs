using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.Privacy;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.DataSources;

/// <inheritdoc />
internal sealed class IngestionWriter(
    IDbContextFactory<DashboardDbContext> factory, TimeProvider time, PseudonymKeyRing pseudonyms, IAttributeValueProtector attributeValues) : IIngestionWriter
{
    public Task<IIngestionSession> BeginAsync(Guid tenantId, CancellationToken cancellationToken) => BeginAsync(tenantId, bulk: true, cancellationToken);

    public Task<IIngestionSession> BeginBatchAsync(Guid tenantId, CancellationToken cancellationToken) => BeginAsync(tenantId, bulk: false, cancellationToken);

    private async Task<IIngestionSession> BeginAsync(Guid tenantId, bool bulk, CancellationToken cancellationToken)
    {
        // Data Protection creates (and later renews) its key on first use and stores it in this same database; on
        // SQLite that write would wait for the session's own write lock, so the key is made sure of before the session opens.
        attributeValues.Protect(tenantId, string.Empty);
        var db = await factory.CreateDbContextAsync(cancellationToken);
        try
        {
            db.BindTenant(tenantId);
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (bulk && db.Database.IsSqlite())
            {
                // The interactions indexes get random inserts; a bigger page cache for this connection keeps
                // them off the disk. A fixed cap (not proportional to the file), reset when the session ends.
                await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = -{IngestionSession.SqliteCacheKib};", cancellationToken);

                // The session keeps its own references whole (see IngestionSession): SQLite's check of every
                // interaction's end-user and item was a third of a 10M-row import. Only settable outside a transaction.
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;", cancellationToken);
            }

            var tx = await db.Database.BeginTransactionAsync(cancellationToken);

            // Read inside the transaction, never from the cache: the ids this session stores follow the
            // settings and keys as they are when it writes, even on a node that has not seen a change yet.
            var ids = await pseudonyms.ReadAsync(db, cancellationToken);
            var session = new IngestionSession(db, tx, tenantId, time.GetUtcNow().UtcDateTime, bulk, ids, attributeValues);
            if (bulk)
            {
                await session.LoadMapsAsync(cancellationToken);
            }

            return session;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
