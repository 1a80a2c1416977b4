using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;
using Dashboard.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Infrastructure.DataSources;

/// <inheritdoc />
internal sealed class ImportWriter(IDbContextFactory<DashboardDbContext> factory, TimeProvider time) : IImportWriter
{
    public async Task<IImportSession> BeginAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        try
        {
            db.BindTenant(tenantId);
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // The interactions indexes get random inserts; a bigger page cache for this connection keeps
                // them off the disk. A fixed cap (not proportional to the file), reset when the session ends.
                await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = -{ImportSession.SqliteCacheKib};", cancellationToken);
            }

            var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var session = new ImportSession(db, tx, tenantId, time.GetUtcNow().UtcDateTime);
            await session.LoadMapsAsync(cancellationToken);
            return session;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}

/// <summary>
/// One transaction; id maps of the tenant's end-users and items (external id → id) are the only state
/// that grows, with the number of distinct ids, not of rows. Disposed without commit = rolled back.
/// </summary>
internal sealed class ImportSession : IImportSession
{
    /// <summary>SQLite page cache of an import connection: 128 MB.</summary>
    public const int SqliteCacheKib = 131_072;

    private readonly DashboardDbContext _db;
    private readonly IDbContextTransaction _tx;
    private readonly Guid _tenantId;
    private readonly DateTime _now;
    private readonly ProviderCommands _commands;
    private readonly Dictionary<string, long> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _items = new(StringComparer.Ordinal);
    private readonly ProviderCommands.Prepared _insertUser;
    private readonly ProviderCommands.Prepared _insertItem;
    private readonly ProviderCommands.Prepared _updateItem;
    private readonly ProviderCommands.Prepared _deleteItemAttributes;
    private readonly ProviderCommands.Prepared _insertItemAttribute;
    private readonly ProviderCommands.Prepared _deleteUserAttribute;
    private readonly ProviderCommands.Prepared _insertUserAttribute;
    private readonly IInteractionBulkWriter _interactions;
    private HashSet<ulong>? _storedInteractions;
    private bool _committed;

    public ImportSession(DashboardDbContext db, IDbContextTransaction tx, Guid tenantId, DateTime now)
    {
        _db = db;
        _tx = tx;
        _tenantId = tenantId;
        _now = now;
        _commands = new ProviderCommands(db, tx.GetDbTransaction());
        var c = _commands;
        _insertUser = c.Insert<EndUser>(true, nameof(EndUser.TenantId), nameof(EndUser.ExternalId), nameof(EndUser.CreatedAtUtc));
        _insertItem = c.Insert<Item>(true, nameof(Item.TenantId), nameof(Item.ExternalId), nameof(Item.Title), nameof(Item.Category), nameof(Item.Tags),
            nameof(Item.Price), nameof(Item.CreatedAtUtc), nameof(Item.IsPlaceholder));
        _updateItem = c.Create<Item>(
            $"UPDATE {c.Table<Item>()} SET {c.Column<Item>(nameof(Item.Title))} = @p0, {c.Column<Item>(nameof(Item.Category))} = @p1, " +
            $"{c.Column<Item>(nameof(Item.Tags))} = @p2, {c.Column<Item>(nameof(Item.Price))} = @p3, {c.Column<Item>(nameof(Item.IsPlaceholder))} = @p4 " +
            $"WHERE {c.Column<Item>(nameof(Item.Id))} = @p5",
            nameof(Item.Title), nameof(Item.Category), nameof(Item.Tags), nameof(Item.Price), nameof(Item.IsPlaceholder), nameof(Item.Id));
        _deleteItemAttributes = c.Create<ItemAttribute>(
            $"DELETE FROM {c.Table<ItemAttribute>()} WHERE {c.Column<ItemAttribute>(nameof(ItemAttribute.ItemId))} = @p0", nameof(ItemAttribute.ItemId));
        _insertItemAttribute = c.Insert<ItemAttribute>(false, nameof(ItemAttribute.TenantId), nameof(ItemAttribute.ItemId), nameof(ItemAttribute.Key), nameof(ItemAttribute.Value));
        _deleteUserAttribute = c.Create<EndUserAttribute>(
            $"DELETE FROM {c.Table<EndUserAttribute>()} WHERE {c.Column<EndUserAttribute>(nameof(EndUserAttribute.EndUserId))} = @p0 AND {c.Column<EndUserAttribute>(nameof(EndUserAttribute.Key))} = @p1",
            nameof(EndUserAttribute.EndUserId), nameof(EndUserAttribute.Key));
        _insertUserAttribute = c.Insert<EndUserAttribute>(false, nameof(EndUserAttribute.TenantId), nameof(EndUserAttribute.EndUserId), nameof(EndUserAttribute.Key),
            nameof(EndUserAttribute.Value), nameof(EndUserAttribute.IsSensitive), nameof(EndUserAttribute.IsQuasiIdentifier));
        _interactions = c.IsSqlServer
            ? new SqlBulkCopyInteractionWriter((SqlConnection)db.Database.GetDbConnection(), (SqlTransaction)tx.GetDbTransaction(), tenantId, c.Table<Interaction>())
            : new PreparedInteractionWriter(c, tenantId);
    }

    public IAppDbContext Db => _db;

    public long PlaceholdersCreated { get; private set; }

    public async Task LoadMapsAsync(CancellationToken cancellationToken)
    {
        _users.Clear();
        _items.Clear();
        await foreach (var u in _db.EndUsers.AsNoTracking().Select(u => new { u.ExternalId, u.Id }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            _users[u.ExternalId] = u.Id;
        }

        await foreach (var i in _db.Items.AsNoTracking().Select(i => new { i.ExternalId, i.Id }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            _items[i.ExternalId] = i.Id;
        }
    }

    public async Task ReplaceAsync(DatasetKind dataset, CancellationToken cancellationToken)
    {
        switch (dataset)
        {
            case DatasetKind.Interactions:
                await _db.Interactions.ExecuteDeleteAsync(cancellationToken);
                _storedInteractions = [];
                break;
            case DatasetKind.Items:
                // Items named again are updated; the rest become placeholders and are removed at the end
                // unless interactions still point at them.
                await _db.ItemAttributes.ExecuteDeleteAsync(cancellationToken);
                await _db.Items.ExecuteUpdateAsync(s => s.SetProperty(i => i.IsPlaceholder, true), cancellationToken);
                break;
            default:
                await _db.EndUserAttributes.ExecuteDeleteAsync(cancellationToken);
                break;
        }
    }

    public ValueTask<long> UserIdAsync(string externalId, CancellationToken cancellationToken)
    {
        if (!_users.TryGetValue(externalId, out var id))
        {
            id = _insertUser.With(_tenantId, externalId, _now).ExecuteId();
            _users[externalId] = id;
        }

        return ValueTask.FromResult(id);
    }

    public ValueTask<long?> ItemIdAsync(string externalId, bool createPlaceholder, CancellationToken cancellationToken)
    {
        if (_items.TryGetValue(externalId, out var id))
        {
            return ValueTask.FromResult<long?>(id);
        }

        if (!createPlaceholder)
        {
            return ValueTask.FromResult<long?>(null);
        }

        id = _insertItem.With(_tenantId, externalId, externalId, null, null, null, _now, true).ExecuteId();
        _items[externalId] = id;
        PlaceholdersCreated++;
        return ValueTask.FromResult<long?>(id);
    }

    public async ValueTask<bool> HadInteractionAsync(long userId, long itemId, InteractionType type, DateTime occurredAtUtc, CancellationToken cancellationToken)
    {
        // Loaded on first use, so imports of items or attributes never pay for it: 8 bytes per stored
        // interaction (plus the set's overhead), not the rows.
        _storedInteractions ??= await LoadInteractionKeysAsync(cancellationToken);
        return _storedInteractions.Contains(InteractionKey(userId, itemId, type, occurredAtUtc.Ticks));
    }

    private async Task<HashSet<ulong>> LoadInteractionKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new HashSet<ulong>();
        var stored = _db.Interactions.AsNoTracking().Select(i => new { i.EndUserId, i.ItemId, i.Type, i.OccurredAtUtc });
        await foreach (var i in stored.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            keys.Add(InteractionKey(i.EndUserId, i.ItemId, i.Type, i.OccurredAtUtc.Ticks));
        }

        return keys;
    }

    /// <summary>
    /// A 64-bit key of (end-user, item, type, time): SplitMix64 finalisers chained over the four values.
    /// A new interaction is wrongly taken for a stored one with a chance of about stored × imported / 2⁶⁴:
    /// one in 18 million for a million stored and a million imported.
    /// </summary>
    internal static ulong InteractionKey(long userId, long itemId, InteractionType type, long ticks)
    {
        var hash = Mix((ulong)userId);
        hash = Mix(hash ^ (ulong)itemId);
        hash = Mix(hash ^ (ulong)type);
        return Mix(hash ^ (ulong)ticks);

        static ulong Mix(ulong z)
        {
            z += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    public ValueTask AddInteractionAsync(long userId, long itemId, InteractionType type, double value, DateTime occurredAtUtc, CancellationToken cancellationToken) =>
        _interactions.AddAsync(userId, itemId, type, value, occurredAtUtc, cancellationToken);

    public ValueTask UpsertItemAsync(ImportedItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_items.TryGetValue(item.ExternalId, out var id))
        {
            _updateItem.With(item.Title, item.Category, item.Tags, item.Price, false, id).Execute();
            _deleteItemAttributes.With(id).Execute();
        }
        else
        {
            id = _insertItem.With(_tenantId, item.ExternalId, item.Title, item.Category, item.Tags, item.Price, _now, false).ExecuteId();
            _items[item.ExternalId] = id;
        }

        foreach (var attribute in item.Attributes)
        {
            _insertItemAttribute.With(_tenantId, id, attribute.Key, attribute.Value).Execute();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask SetUserAttributesAsync(long userId, IReadOnlyList<ImportedFact> attributes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        foreach (var attribute in attributes)
        {
            _deleteUserAttribute.With(userId, attribute.Key).Execute();
            _insertUserAttribute.With(_tenantId, userId, attribute.Key, attribute.Value, attribute.Sensitive, attribute.QuasiIdentifier).Execute();
        }

        return ValueTask.CompletedTask;
    }

    public async Task CompleteDatasetAsync(DatasetKind dataset, CancellationToken cancellationToken)
    {
        await _interactions.FlushAsync(cancellationToken);
        if (dataset == DatasetKind.Items)
        {
            // Replace mode: items not in the new file and not used by any interaction go.
            var removed = await _db.Items
                .Where(i => i.IsPlaceholder && !_db.Interactions.Any(x => x.ItemId == i.Id))
                .ExecuteDeleteAsync(cancellationToken);
            if (removed > 0)
            {
                await LoadMapsAsync(cancellationToken);
            }
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _interactions.FlushAsync(cancellationToken);
        await _tx.CommitAsync(cancellationToken);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await _interactions.DisposeAsync();
        foreach (var command in new[] { _insertUser, _insertItem, _updateItem, _deleteItemAttributes, _insertItemAttribute, _deleteUserAttribute, _insertUserAttribute })
        {
            await command.DisposeAsync();
        }

        if (!_committed)
        {
            await _tx.RollbackAsync(CancellationToken.None);
        }

        await _tx.DisposeAsync();
        if (!_commands.IsSqlServer)
        {
            await _db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000;");
        }

        await _db.DisposeAsync();
    }
}
