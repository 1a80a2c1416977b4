using System.Collections.Concurrent;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Microsoft.Extensions.Logging;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// Each organisation's segment facts (<see cref="SegmentSnapshot"/>) kept in memory, so the editor's live size
/// estimate is a bit operation, not a pass over the interactions. The first question reads them; one older than
/// <see cref="Lifetime"/> keeps answering while a single background read replaces it, so an estimate follows the data
/// within about a minute and no estimate waits for a reload. One instance per process.
/// </summary>
public sealed class SegmentSnapshots(ITenantDbContextFactory dbFactory, IConsentGate consent, TimeProvider time, ILogger<SegmentSnapshots> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<Guid, Lazy<Task<SegmentSnapshot>>> _snapshots = new();
    private readonly ConcurrentDictionary<Guid, byte> _refreshing = new();

    /// <summary>How many end-users the rules hold, from the organisation's facts as read at most about a minute ago.</summary>
    public async Task<int> CountAsync(Guid tenantId, SegmentDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var snapshot = await SnapshotAsync(tenantId, cancellationToken);
        return (await snapshot.ChooseAsync(definition, cancellationToken))?.Count ?? snapshot.EndUserIds.Count;
    }

    /// <summary>What rules may name in the organisation, from the same facts (at most about a minute old).</summary>
    public async Task<SegmentVocabulary> VocabularyAsync(Guid tenantId, IReadOnlyList<string> consentPurposes, CancellationToken cancellationToken) =>
        (await SnapshotAsync(tenantId, cancellationToken)).Vocabulary(consentPurposes);

    private async Task<SegmentSnapshot> SnapshotAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var entry = _snapshots.GetOrAdd(tenantId, id => new Lazy<Task<SegmentSnapshot>>(() => LoadAsync(id)));
        SegmentSnapshot snapshot;
        try
        {
            snapshot = await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            // A failed read is not kept: the next question tries again.
            _snapshots.TryRemove(new KeyValuePair<Guid, Lazy<Task<SegmentSnapshot>>>(tenantId, entry));
            throw;
        }

        if (time.GetUtcNow().UtcDateTime - snapshot.AsOfUtc > Lifetime && _refreshing.TryAdd(tenantId, 0))
        {
            _ = RefreshAsync(tenantId);
        }

        return snapshot;
    }

    private async Task RefreshAsync(Guid tenantId)
    {
        try
        {
            var fresh = await LoadAsync(tenantId);
            _snapshots[tenantId] = new Lazy<Task<SegmentSnapshot>>(Task.FromResult(fresh));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The old facts keep answering; the next question past the lifetime tries again.
            logger.LogWarning(ex, "Segments: refreshing the facts of tenant {TenantId} failed.", tenantId);
        }
        finally
        {
            _refreshing.TryRemove(tenantId, out _);
        }
    }

    private async Task<SegmentSnapshot> LoadAsync(Guid tenantId)
    {
        var asOf = time.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateForTenant(tenantId);
        return await SegmentSnapshot.LoadAsync(db, consent, attributes: true, activity: true, asOf, CancellationToken.None);
    }
}
