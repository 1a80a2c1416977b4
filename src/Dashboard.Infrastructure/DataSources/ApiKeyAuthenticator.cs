using System.Collections.Concurrent;
using Dashboard.Application.DataSources.ApiKeys;
using Dashboard.Domain.DataSources;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.DataSources;

/// <summary>
/// Finds the tenant of a presented events-API key by its hash. A request carries a key and no tenant,
/// so this lookup must cross tenants: it is the reviewed place that lifts the tenant filter, reads
/// only the matching key row, and writes back (last use) through a context bound to that key's tenant.
/// </summary>
internal sealed class ApiKeyAuthenticator(IDbContextFactory<DashboardDbContext> factory, TimeProvider time) : IApiKeyAuthenticator
{
    /// <summary>Writing "last used" on every request would turn each API call into two writes.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a valid key is believed without reading its row again. The serving API answers thousands of
    /// requests a second; a database read for each would cost more than the recommendation. A key revoked on
    /// this node is forgotten at once (<see cref="Forget"/>); on other nodes it is refused within this time.
    /// </summary>
    public static readonly TimeSpan TrustedFor = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (ApiKeyIdentity Identity, DateTimeOffset Until)> _valid = new(StringComparer.Ordinal);

    public void Forget(Guid keyId)
    {
        foreach (var (hash, entry) in _valid)
        {
            if (entry.Identity.KeyId == keyId)
            {
                _valid.TryRemove(hash, out _);
            }
        }
    }

    public async Task<ApiKeyIdentity?> AuthenticateAsync(string? presentedKey, CancellationToken cancellationToken = default)
    {
        if (!ApiKeySecrets.LooksLikeKey(presentedKey))
        {
            return null;
        }

        var hash = ApiKeySecrets.Hash(presentedKey!);
        if (_valid.TryGetValue(hash, out var trusted) && time.GetUtcNow() < trusted.Until)
        {
            return trusted.Identity;
        }

        var identity = await ReadAsync(hash, cancellationToken);
        if (identity is null)
        {
            _valid.TryRemove(hash, out _);
        }
        else
        {
            _valid[hash] = (identity, time.GetUtcNow() + TrustedFor);
        }

        return identity;
    }

    private async Task<ApiKeyIdentity?> ReadAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys
            .IgnoreQueryFilters([DashboardDbContext.TenantFilter])
            .AsNoTracking()
            .Where(k => k.Hash == hash)
            .Select(k => new { k.Id, k.TenantId, k.Name, k.Scopes, k.Hash, k.RevokedAtUtc, k.LastUsedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);

        // The index lookup finds the row; the fixed-time comparison keeps the final decision from
        // leaking, through timing, how much of a guessed hash was right.
        if (key is null || !ApiKeySecrets.HashesEqual(key.Hash, hash) || key.RevokedAtUtc is not null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (key.LastUsedAtUtc is null || now - key.LastUsedAtUtc.Value >= LastUsedResolution)
        {
            await using var tenantDb = await factory.CreateDbContextAsync(cancellationToken);
            tenantDb.BindTenant(key.TenantId);
            await tenantDb.ApiKeys.Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAtUtc, now), cancellationToken);
        }

        return new ApiKeyIdentity(key.TenantId, key.Id, key.Name, ApiScopes.Split(key.Scopes));
    }
}
