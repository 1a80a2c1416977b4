using System.Collections.Concurrent;
using System.Globalization;
using Dashboard.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Application.Privacy;

/// <summary>
/// The consent gate. Training asks <see cref="EndUsersAllowedAsync"/>: one streamed read of the purpose's records
/// up to the snapshot time, folded to the latest per end-user (by the record's own time, ties by id — never by
/// arrival). Serving asks <see cref="AllowsAsync"/> per request, answered from a per-tenant, per-purpose snapshot
/// of the same fold keyed by the stored end-user id. A deletion or setting change on this node
/// (<see cref="ConsentChanged"/>) makes the next request reload it; appended records (<see cref="ConsentAppended"/>)
/// make it fold in only the records newer than the snapshot's highest id; a snapshot older than <see cref="SnapshotLifetime"/> is refreshed in the
/// background while the old one keeps answering, so other nodes follow a change within that time and no
/// request waits for a reload it did not cause. One instance per process.
/// </summary>
public sealed class ConsentGate(ITenantDbContextFactory dbFactory, TimeProvider time, ILogger<ConsentGate> logger) : IConsentGate
{
    public static readonly TimeSpan SnapshotLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, long> _versions = new();
    private readonly ConcurrentDictionary<Guid, long> _appends = new();
    private readonly ConcurrentDictionary<(Guid Tenant, string Purpose), Snapshot> _snapshots = new();
    private readonly ConcurrentDictionary<(Guid Tenant, string Purpose), byte> _refreshing = new();

    public async Task<ConsentedEndUsers> EndUsersAllowedAsync(Guid tenantId, string purpose, DateTime asOfUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        await using var db = dbFactory.CreateForTenant(tenantId);
        var noRecordMeansConsented = (await db.PrivacySettingsAsync(cancellationToken)).NoRecordMeansConsented;
        var latest = await LatestStatesAsync(db, purpose, asOfUtc, cancellationToken);
        var granted = new HashSet<long>();
        var withdrawn = new HashSet<long>();
        foreach (var (user, isGranted) in latest)
        {
            (isGranted ? granted : withdrawn).Add(user);
        }

        var basis = Basis(purpose, asOfUtc, granted.Count, withdrawn.Count, noRecordMeansConsented);
        return noRecordMeansConsented
            ? ConsentedEndUsers.AllBut(withdrawn, basis, asOfUtc)
            : ConsentedEndUsers.Only(granted, basis, asOfUtc);
    }

    public async ValueTask<bool> AllowsAsync(Guid tenantId, string purpose, string storedEndUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(storedEndUserId);
        var key = (tenantId, purpose);
        var version = _versions.GetValueOrDefault(tenantId);
        var appends = _appends.GetValueOrDefault(tenantId);
        if (!_snapshots.TryGetValue(key, out var snapshot) || snapshot.Version != version)
        {
            snapshot = await LoadAsync(tenantId, purpose, version, appends, cancellationToken);
            _snapshots[key] = snapshot;
        }
        else if (snapshot.Appends != appends)
        {
            snapshot = await AppendAsync(tenantId, purpose, snapshot, appends, cancellationToken);
            _snapshots[key] = snapshot;
        }
        else if (time.GetUtcNow().UtcDateTime - snapshot.LoadedAtUtc > SnapshotLifetime && _refreshing.TryAdd(key, 0))
        {
            _ = RefreshAsync(key, version);
        }

        return snapshot.Latest.TryGetValue(storedEndUserId, out var latest) ? latest.Granted : snapshot.NoRecordMeansConsented;
    }

    /// <summary>
    /// Per end-user (database id) with at least one record for <paramref name="purpose"/> up to <paramref name="asOfUtc"/>:
    /// whether their latest record (by its own time, ties by id) grants it. The fold every consent figure is made from.
    /// </summary>
    public static async Task<Dictionary<long, bool>> LatestStatesAsync(IAppDbContext db, string purpose, DateTime asOfUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = new Dictionary<long, Latest>();
        var rows = db.ConsentRecords.AsNoTracking()
            .Where(c => c.Purpose == purpose && c.OccurredAtUtc <= asOfUtc)
            .Select(c => new { c.EndUserId, c.Id, c.OccurredAtUtc, c.Granted })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            Fold(latest, row.EndUserId, new Latest(row.OccurredAtUtc.Ticks, row.Id, row.Granted));
        }

        var states = new Dictionary<long, bool>(latest.Count);
        foreach (var (user, state) in latest)
        {
            states[user] = state.Granted;
        }

        return states;
    }

    public void ConsentChanged(Guid tenantId) => _versions.AddOrUpdate(tenantId, 1, (_, v) => v + 1);

    public void ConsentAppended(Guid tenantId) => _appends.AddOrUpdate(tenantId, 1, (_, v) => v + 1);

    public void EndUserErased(Guid tenantId, string storedEndUserId)
    {
        ArgumentNullException.ThrowIfNull(storedEndUserId);
        foreach (var (key, snapshot) in _snapshots)
        {
            if (key.Tenant == tenantId && snapshot.Latest.ContainsKey(storedEndUserId))
            {
                // A copy without them: requests reading the old snapshot finish undisturbed. A reload racing this
                // read the records after the erasure committed, so it cannot bring them back.
                var latest = new Dictionary<string, Latest>(snapshot.Latest, StringComparer.Ordinal);
                latest.Remove(storedEndUserId);
                _snapshots.TryUpdate(key, snapshot with { Latest = latest }, snapshot);
            }
        }
    }

    /// <summary>Whether any serving snapshot of the tenant names the end-user (id as stored); what the erasure tests look for.</summary>
    public bool Holds(Guid tenantId, string storedEndUserId) =>
        _snapshots.Any(s => s.Key.Tenant == tenantId && s.Value.Latest.ContainsKey(storedEndUserId));

    /// <summary>The sentence a model version's manifest keeps about the gate's answer.</summary>
    public static string Basis(string purpose, DateTime asOfUtc, int granted, int withdrawn, bool noRecordMeansConsented)
    {
        var noRecord = noRecordMeansConsented
            ? "end-users with no record were included (the organisation's setting: no record means consented)."
            : "end-users with no record were left out (the organisation's setting: no record means not consented).";
        return string.Create(CultureInfo.InvariantCulture,
            $"{purpose} consent as recorded up to {asOfUtc:yyyy-MM-dd HH:mm} UTC: {granted:N0} end-user(s) granted, {withdrawn:N0} withdrew; {noRecord}");
    }

    private async Task RefreshAsync((Guid Tenant, string Purpose) key, long version)
    {
        try
        {
            var fresh = await LoadAsync(key.Tenant, key.Purpose, version, _appends.GetValueOrDefault(key.Tenant), CancellationToken.None);
            // A write during the reload bumped the version: keep the newer state the next request will load.
            if (_versions.GetValueOrDefault(key.Tenant) == version)
            {
                _snapshots[key] = fresh;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The old snapshot keeps answering; the next request past the lifetime tries again.
            logger.LogWarning(ex, "Consent gate: refreshing the consent snapshot of tenant {TenantId} failed.", key.Tenant);
        }
        finally
        {
            _refreshing.TryRemove(key, out _);
        }
    }

    private async Task<Snapshot> LoadAsync(Guid tenantId, string purpose, long version, long appends, CancellationToken cancellationToken)
    {
        var loadedAt = time.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateForTenant(tenantId);
        var noRecordMeansConsented = (await db.PrivacySettingsAsync(cancellationToken)).NoRecordMeansConsented;
        var latest = new Dictionary<string, Latest>(StringComparer.Ordinal);
        var maxId = await FoldRecordsAsync(db, purpose, afterId: 0, latest, cancellationToken);
        return new Snapshot(version, appends, loadedAt, maxId, latest, noRecordMeansConsented);
    }

    /// <summary>
    /// Folds the records appended since <paramref name="snapshot"/> into a copy of it. Exact because records are
    /// only appended and ids only grow; the copy keeps readers of the old snapshot undisturbed.
    /// </summary>
    private async Task<Snapshot> AppendAsync(Guid tenantId, string purpose, Snapshot snapshot, long appends, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(tenantId);
        var latest = new Dictionary<string, Latest>(snapshot.Latest, StringComparer.Ordinal);
        var maxId = await FoldRecordsAsync(db, purpose, snapshot.MaxRecordId, latest, cancellationToken);
        return snapshot with { Appends = appends, MaxRecordId = Math.Max(maxId, snapshot.MaxRecordId), Latest = latest };
    }

    /// <summary>Folds the purpose's records with an id above <paramref name="afterId"/> into <paramref name="latest"/>; the highest id read.</summary>
    private static async Task<long> FoldRecordsAsync(IAppDbContext db, string purpose, long afterId, Dictionary<string, Latest> latest, CancellationToken cancellationToken)
    {
        var maxId = afterId;
        // Serving answers "now"; a record up to the ingestion rules' few minutes ahead is a clock difference, not a future decision.
        var rows = db.ConsentRecords.AsNoTracking()
            .Where(c => c.Purpose == purpose && c.Id > afterId)
            .Select(c => new { c.EndUser!.ExternalId, c.Id, c.OccurredAtUtc, c.Granted })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            Fold(latest, row.ExternalId, new Latest(row.OccurredAtUtc.Ticks, row.Id, row.Granted));
            maxId = Math.Max(maxId, row.Id);
        }

        return maxId;
    }

    private static void Fold<TKey>(Dictionary<TKey, Latest> latest, TKey user, Latest record)
        where TKey : notnull
    {
        if (!latest.TryGetValue(user, out var current) || record.IsAfter(current))
        {
            latest[user] = record;
        }
    }

    private readonly record struct Latest(long Ticks, long Id, bool Granted)
    {
        public bool IsAfter(Latest other) => Ticks > other.Ticks || (Ticks == other.Ticks && Id > other.Id);
    }

    private sealed record Snapshot(long Version, long Appends, DateTime LoadedAtUtc, long MaxRecordId, Dictionary<string, Latest> Latest, bool NoRecordMeansConsented);
}
