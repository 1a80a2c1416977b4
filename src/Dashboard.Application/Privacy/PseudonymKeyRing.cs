using System.Collections.Concurrent;
using Dashboard.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy;

/// <summary>
/// Each tenant's pseudonymisation state (on or off, the key chain), read from the tenant's settings and
/// <c>PseudonymKeys</c> rows and decrypted once, then kept in memory per tenant. This node's own changes
/// (the re-key job) call <see cref="Invalidate"/> when they commit; another node's changes are noticed by
/// reading the two small rows again at most every <see cref="RecheckInterval"/> per tenant (like the active-model
/// cache), not on every request, so the serving hot path stays free of database reads. Writes that store ids
/// (the ingestion session) never use the cache: they read the state inside their own transaction with
/// <see cref="ReadAsync"/>.
/// </summary>
public sealed class PseudonymKeyRing(ITenantDbContextFactory dbFactory, IPseudonymKeyProtector protector, TimeProvider time)
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (TenantPseudonyms State, DateTimeOffset ReadAt)> _cache = new();

    /// <summary>The tenant's state from the cache, read again when older than <see cref="RecheckInterval"/>.</summary>
    public async ValueTask<TenantPseudonyms> GetAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(tenantId, out var cached) && now - cached.ReadAt < RecheckInterval)
        {
            return cached.State;
        }

        await using var db = dbFactory.CreateForTenant(tenantId);
        var state = await ReadAsync(db, cancellationToken);
        _cache[tenantId] = (state, now);
        return state;
    }

    /// <summary>The state as stored in <paramref name="db"/> now (its transaction, if it has one), uncached.</summary>
    public async Task<TenantPseudonyms> ReadAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var enabled = await db.PrivacySettings.AsNoTracking().Select(s => s.PseudonymiseEndUserIds).FirstOrDefaultAsync(cancellationToken);
        if (!enabled)
        {
            return TenantPseudonyms.Off;
        }

        var keys = await db.PseudonymKeys.AsNoTracking().OrderBy(k => k.CreatedAtUtc).Select(k => k.ProtectedKey)
            .ToListAsync(cancellationToken);
        return new TenantPseudonyms(true, keys.Select(k => protector.Unprotect(db.TenantId, k)));
    }

    /// <summary>Drops this node's cached state of the tenant, so the next use reads it again.</summary>
    public void Invalidate(Guid tenantId) => _cache.TryRemove(tenantId, out _);
}
