using Dashboard.Application.ModelStore;

namespace Dashboard.Application.Fairness;

/// <summary>
/// The last few audit snapshots read for what-if runs, per tenant and snapshot, so the several clicks of one
/// what-if panel read the store once. Small on purpose (a snapshot holds a version's whole held-out evaluation);
/// the least recently used one goes first. Snapshots never change once written, so an entry is never stale.
/// </summary>
public sealed class AuditSnapshotCache(IModelArtifactStore store)
{
    public const int Capacity = 4;

    private readonly Lock _gate = new();
    private readonly LinkedList<(Guid Tenant, Guid Snapshot, Task<StoredAuditSnapshot> Load)> _entries = [];

    public async Task<StoredAuditSnapshot> GetAsync(Guid tenantId, Guid snapshotId, int versionNumber, CancellationToken cancellationToken)
    {
        Task<StoredAuditSnapshot> load;
        lock (_gate)
        {
            var node = _entries.First;
            while (node is not null && (node.Value.Tenant != tenantId || node.Value.Snapshot != snapshotId))
            {
                node = node.Next;
            }

            if (node is not null)
            {
                _entries.Remove(node);
                _entries.AddFirst(node);
                load = node.Value.Load;
            }
            else
            {
                // Not the caller's token: a load shared by several clicks must not be cancelled by the first one leaving.
                load = StoredAuditSnapshot.LoadAsync(store, tenantId, snapshotId, versionNumber, CancellationToken.None);
                _entries.AddFirst((tenantId, snapshotId, load));
                while (_entries.Count > Capacity)
                {
                    _entries.RemoveLast();
                }
            }
        }

        try
        {
            return await load.WaitAsync(cancellationToken);
        }
        catch (Exception) when (load.IsFaulted)
        {
            // A missing or damaged snapshot is not remembered: the next click reads the store again.
            lock (_gate)
            {
                var node = _entries.First;
                while (node is not null && !ReferenceEquals(node.Value.Load, load))
                {
                    node = node.Next;
                }

                if (node is not null)
                {
                    _entries.Remove(node);
                }
            }

            throw;
        }
    }

    /// <summary>How many snapshots are held (for tests of the bound).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }
}
