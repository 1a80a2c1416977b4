using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Privacy;
using Dashboard.Domain.Recommendations;
using Dashboard.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dashboard.Infrastructure.DataSources;

/// <summary>
/// One transaction; id maps of the tenant's end-users and items (external id → id) are the only state
/// that grows, with the number of distinct ids, not of rows. A bulk session loads the maps whole,
/// reads the stored interactions into 64-bit keys once (memory that grows with what the tenant has, not with
/// what it imports) and, on SQLite, removes repeats among its own rows in the database when a dataset completes;
/// a batch session looks each id and interaction up through the tenant's indexes. Disposed without commit =
/// rolled back.
/// <para>
/// End-user ids pass <see cref="TenantPseudonyms.Stored"/> before any lookup or insert, so a tenant that
/// pseudonymises never has a raw id written; values of attributes flagged sensitive pass the
/// <see cref="IAttributeValueProtector"/> and are stored encrypted.
/// </para>
/// <para>
/// A bulk session on SQLite runs with foreign keys off: checking each interaction's end-user and item cost
/// 2.3 µs a row at 10M rows (200,000 end-users), a third of the import, and grew with the tenant. The session keeps the
/// references whole itself: every id it writes comes from its own maps, read or inserted inside its transaction,
/// which holds SQLite's write lock from its first statement (nothing else can remove an end-user or item meanwhile);
/// and where it removes end-users or items it first removes every row that points at them
/// (<see cref="RemovedWithEndUsersAndItems"/>; a test holds that list to the model's foreign keys).
/// </para>
/// </summary>
internal sealed class IngestionSession : IIngestionSession
{
    /// <summary>SQLite page cache of an import connection: 128 MB.</summary>
    public const int SqliteCacheKib = 131_072;

    private readonly DashboardDbContext _db;
    private readonly IDbContextTransaction _tx;
    private readonly Guid _tenantId;
    private readonly DateTime _now;
    private readonly bool _bulk;
    private readonly TenantPseudonyms _pseudonyms;
    private readonly IAttributeValueProtector _attributeValues;
    private readonly ProviderCommands _commands;
    private readonly Dictionary<string, long> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _items = new(StringComparer.Ordinal);

    /// <summary>
    /// With pseudonymisation on: end-user ids as sent → database id, so an import hashes each distinct id once, not
    /// once per row. In memory for the session only; what is stored is the pseudonym.
    /// </summary>
    private readonly Dictionary<string, long> _usersAsSent = new(StringComparer.Ordinal);
    private readonly ProviderCommands.Prepared _findUser;
    private readonly ProviderCommands.Prepared _findItem;
    private readonly ProviderCommands.Prepared _findInteraction;
    private readonly ProviderCommands.Prepared _mergeItem;
    private readonly ProviderCommands.Prepared _deleteItemAttribute;
    private readonly ProviderCommands.Prepared _insertUser;
    private readonly ProviderCommands.Prepared _insertItem;
    private readonly ProviderCommands.Prepared _updateItem;
    private readonly ProviderCommands.Prepared _deleteItemAttributes;
    private readonly ProviderCommands.Prepared _insertItemAttribute;
    private readonly ProviderCommands.Prepared _deleteUserAttribute;
    private readonly ProviderCommands.Prepared _insertUserAttribute;
    private readonly ProviderCommands.Prepared _insertConsent;
    private readonly IInteractionBulkWriter _interactions;
    /// <summary>
    /// The entities whose rows point at end-users or items: what SQLite's cascade would remove with them, which
    /// <see cref="ClearAsync"/> and the removal of unused placeholder items remove explicitly.
    /// </summary>
    internal static readonly Type[] RemovedWithEndUsersAndItems =
        [typeof(Interaction), typeof(ConsentRecord), typeof(EndUserAttribute), typeof(ItemAttribute), typeof(RecommendationFeedback)];

    private HashKeySet? _storedInteractions;
    private bool _committed;

    public IngestionSession(
        DashboardDbContext db, IDbContextTransaction tx, Guid tenantId, DateTime now, bool bulk, TenantPseudonyms pseudonyms, IAttributeValueProtector attributeValues)
    {
        _db = db;
        _pseudonyms = pseudonyms;
        _attributeValues = attributeValues;
        _tx = tx;
        _tenantId = tenantId;
        _now = now;
        _bulk = bulk;
        _commands = new ProviderCommands(db, tx.GetDbTransaction());
        var c = _commands;
        _findUser = c.Create<EndUser>(
            $"SELECT {c.Column<EndUser>(nameof(EndUser.Id))} FROM {c.Table<EndUser>()} WHERE {c.Column<EndUser>(nameof(EndUser.TenantId))} = @p0 AND {c.Column<EndUser>(nameof(EndUser.ExternalId))} = @p1",
            nameof(EndUser.TenantId), nameof(EndUser.ExternalId));
        _findItem = c.Create<Item>(
            $"SELECT {c.Column<Item>(nameof(Item.Id))} FROM {c.Table<Item>()} WHERE {c.Column<Item>(nameof(Item.TenantId))} = @p0 AND {c.Column<Item>(nameof(Item.ExternalId))} = @p1",
            nameof(Item.TenantId), nameof(Item.ExternalId));
        _findInteraction = c.Create<Interaction>(
            $"SELECT COUNT(*) FROM {c.Table<Interaction>()} WHERE {c.Column<Interaction>(nameof(Interaction.TenantId))} = @p0 AND {c.Column<Interaction>(nameof(Interaction.EndUserId))} = @p1 " +
            $"AND {c.Column<Interaction>(nameof(Interaction.ItemId))} = @p2 AND {c.Column<Interaction>(nameof(Interaction.Type))} = @p3 AND {c.Column<Interaction>(nameof(Interaction.OccurredAtUtc))} = @p4",
            nameof(Interaction.TenantId), nameof(Interaction.EndUserId), nameof(Interaction.ItemId), nameof(Interaction.Type), nameof(Interaction.OccurredAtUtc));

        // Updates and deletes name the tenant as well as the id, so an id from another tenant reaches nothing.
        // A partial row keeps what it does not carry: null keeps the stored value, an empty text clears it.
        _mergeItem = c.Create<Item>(
            $"UPDATE {c.Table<Item>()} SET {c.Column<Item>(nameof(Item.Title))} = @p0, " +
            $"{c.Column<Item>(nameof(Item.Category))} = NULLIF(COALESCE(@p1, {c.Column<Item>(nameof(Item.Category))}), ''), " +
            $"{c.Column<Item>(nameof(Item.Tags))} = NULLIF(COALESCE(@p2, {c.Column<Item>(nameof(Item.Tags))}), ''), " +
            $"{c.Column<Item>(nameof(Item.Price))} = COALESCE(@p3, {c.Column<Item>(nameof(Item.Price))}), {c.Column<Item>(nameof(Item.IsPlaceholder))} = @p4 " +
            $"WHERE {c.Column<Item>(nameof(Item.Id))} = @p5 AND {c.Column<Item>(nameof(Item.TenantId))} = @p6",
            nameof(Item.Title), nameof(Item.Category), nameof(Item.Tags), nameof(Item.Price), nameof(Item.IsPlaceholder), nameof(Item.Id), nameof(Item.TenantId));
        _deleteItemAttribute = c.Create<ItemAttribute>(
            $"DELETE FROM {c.Table<ItemAttribute>()} WHERE {c.Column<ItemAttribute>(nameof(ItemAttribute.ItemId))} = @p0 AND {c.Column<ItemAttribute>(nameof(ItemAttribute.Key))} = @p1 " +
            $"AND {c.Column<ItemAttribute>(nameof(ItemAttribute.TenantId))} = @p2",
            nameof(ItemAttribute.ItemId), nameof(ItemAttribute.Key), nameof(ItemAttribute.TenantId));
        _insertUser = c.Insert<EndUser>(true, nameof(EndUser.TenantId), nameof(EndUser.ExternalId), nameof(EndUser.CreatedAtUtc));
        _insertItem = c.Insert<Item>(true, nameof(Item.TenantId), nameof(Item.ExternalId), nameof(Item.Title), nameof(Item.Category), nameof(Item.Tags),
            nameof(Item.Price), nameof(Item.CreatedAtUtc), nameof(Item.IsPlaceholder));
        _updateItem = c.Create<Item>(
            $"UPDATE {c.Table<Item>()} SET {c.Column<Item>(nameof(Item.Title))} = @p0, {c.Column<Item>(nameof(Item.Category))} = @p1, " +
            $"{c.Column<Item>(nameof(Item.Tags))} = @p2, {c.Column<Item>(nameof(Item.Price))} = @p3, {c.Column<Item>(nameof(Item.IsPlaceholder))} = @p4 " +
            $"WHERE {c.Column<Item>(nameof(Item.Id))} = @p5 AND {c.Column<Item>(nameof(Item.TenantId))} = @p6",
            nameof(Item.Title), nameof(Item.Category), nameof(Item.Tags), nameof(Item.Price), nameof(Item.IsPlaceholder), nameof(Item.Id), nameof(Item.TenantId));
        _deleteItemAttributes = c.Create<ItemAttribute>(
            $"DELETE FROM {c.Table<ItemAttribute>()} WHERE {c.Column<ItemAttribute>(nameof(ItemAttribute.ItemId))} = @p0 AND {c.Column<ItemAttribute>(nameof(ItemAttribute.TenantId))} = @p1",
            nameof(ItemAttribute.ItemId), nameof(ItemAttribute.TenantId));
        _insertItemAttribute = c.Insert<ItemAttribute>(false, nameof(ItemAttribute.TenantId), nameof(ItemAttribute.ItemId), nameof(ItemAttribute.Key), nameof(ItemAttribute.Value));
        _deleteUserAttribute = c.Create<EndUserAttribute>(
            $"DELETE FROM {c.Table<EndUserAttribute>()} WHERE {c.Column<EndUserAttribute>(nameof(EndUserAttribute.EndUserId))} = @p0 AND {c.Column<EndUserAttribute>(nameof(EndUserAttribute.Key))} = @p1 " +
            $"AND {c.Column<EndUserAttribute>(nameof(EndUserAttribute.TenantId))} = @p2",
            nameof(EndUserAttribute.EndUserId), nameof(EndUserAttribute.Key), nameof(EndUserAttribute.TenantId));
        _insertUserAttribute = c.Insert<EndUserAttribute>(false, nameof(EndUserAttribute.TenantId), nameof(EndUserAttribute.EndUserId), nameof(EndUserAttribute.Key),
            nameof(EndUserAttribute.Value), nameof(EndUserAttribute.IsSensitive), nameof(EndUserAttribute.IsQuasiIdentifier));
        _insertConsent = c.Insert<ConsentRecord>(false, nameof(ConsentRecord.TenantId), nameof(ConsentRecord.EndUserId), nameof(ConsentRecord.Purpose),
            nameof(ConsentRecord.Granted), nameof(ConsentRecord.OccurredAtUtc), nameof(ConsentRecord.RecordedAtUtc), nameof(ConsentRecord.Source),
            nameof(ConsentRecord.NoticeVersion), nameof(ConsentRecord.ProofReference), nameof(ConsentRecord.ImportRunId));
        _interactions = c.IsSqlServer
            ? new SqlBulkCopyInteractionWriter((SqlConnection)db.Database.GetDbConnection(), (SqlTransaction)tx.GetDbTransaction(), tenantId, c.Table<Interaction>())
            : new PreparedInteractionWriter(c, tenantId, bulk);
    }

    public IAppDbContext Db => _db;

    public long UsersCreated { get; private set; }

    public long PlaceholdersCreated { get; private set; }

    public long ConsentsAppended { get; private set; }

    public async Task LoadMapsAsync(CancellationToken cancellationToken)
    {
        _users.Clear();
        _usersAsSent.Clear();
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
                _storedInteractions = new HashKeySet();
                break;
            case DatasetKind.Items:
                // Items named again are updated; the rest become placeholders and are removed at the end
                // unless interactions still point at them.
                await _db.ItemAttributes.ExecuteDeleteAsync(cancellationToken);
                await _db.Items.ExecuteUpdateAsync(s => s.SetProperty(i => i.IsPlaceholder, true), cancellationToken);
                break;
            case DatasetKind.Consents:
                // The consent history is append-only: replacing it would erase what a controller must be able to show.
                break;
            default:
                await _db.EndUserAttributes.ExecuteDeleteAsync(cancellationToken);
                break;
        }
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await _interactions.FlushAsync(cancellationToken);

        // Everything that points at end-users and items goes first: a bulk session on SQLite has no cascade (foreign
        // keys off, see the class remarks), and elsewhere it keeps the statement count small on providers that
        // cascade row by row.
        await _db.Interactions.ExecuteDeleteAsync(cancellationToken);
        await _db.ConsentRecords.ExecuteDeleteAsync(cancellationToken);
        await _db.EndUserAttributes.ExecuteDeleteAsync(cancellationToken);
        await _db.ItemAttributes.ExecuteDeleteAsync(cancellationToken);
        await _db.RecommendationFeedback.ExecuteDeleteAsync(cancellationToken);
        await _db.EndUsers.ExecuteDeleteAsync(cancellationToken);
        await _db.Items.ExecuteDeleteAsync(cancellationToken);
        _users.Clear();
        _usersAsSent.Clear();
        _items.Clear();
        _storedInteractions = new HashKeySet();
    }

    public bool PseudonymisesEndUserIds => _pseudonyms.Enabled;

    public string StoredEndUserId(string externalId) => _pseudonyms.Stored(externalId);

    public ValueTask<long> UserIdAsync(string externalId, CancellationToken cancellationToken)
    {
        if (_pseudonyms.Enabled && _usersAsSent.TryGetValue(externalId, out var known))
        {
            return ValueTask.FromResult(known);
        }

        var stored = _pseudonyms.Stored(externalId);
        if (Find(_users, _findUser, stored) is not { } id)
        {
            id = _insertUser.With(_tenantId, stored, _now).ExecuteId();
            _users[stored] = id;
            UsersCreated++;
        }

        RememberAsSent(externalId, id);
        return ValueTask.FromResult(id);
    }

    public ValueTask<long?> FindUserIdAsync(string externalId, CancellationToken cancellationToken)
    {
        if (_pseudonyms.Enabled && _usersAsSent.TryGetValue(externalId, out var known))
        {
            return ValueTask.FromResult<long?>(known);
        }

        var id = Find(_users, _findUser, _pseudonyms.Stored(externalId));
        if (id is { } found)
        {
            RememberAsSent(externalId, found);
        }

        return ValueTask.FromResult(id);
    }

    private void RememberAsSent(string externalId, long id)
    {
        if (_pseudonyms.Enabled)
        {
            _usersAsSent[externalId] = id;
        }
    }

    /// <summary>The id from the map; a batch session asks the database on a miss (a bulk session's map is complete).</summary>
    private long? Find(Dictionary<string, long> map, ProviderCommands.Prepared lookup, string externalId)
    {
        if (map.TryGetValue(externalId, out var id))
        {
            return id;
        }

        if (_bulk || lookup.With(_tenantId, externalId).ExecuteScalar() is not { } found || found is DBNull)
        {
            return null;
        }

        id = Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture);
        map[externalId] = id;
        return id;
    }

    public ValueTask<long?> ItemIdAsync(string externalId, bool createPlaceholder, CancellationToken cancellationToken)
    {
        if (Find(_items, _findItem, externalId) is { } id)
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
        if (!_bulk && _storedInteractions is null)
        {
            var count = _findInteraction.With(_tenantId, userId, itemId, type, occurredAtUtc).ExecuteScalar();
            return Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture) > 0;
        }

        // Loaded on first use, so imports of items or attributes never pay for it: 11–21 bytes per stored
        // interaction, not the rows.
        _storedInteractions ??= await LoadInteractionKeysAsync(cancellationToken);
        return _storedInteractions.Contains(InteractionKey(userId, itemId, type, occurredAtUtc.Ticks));
    }

    private async Task<HashKeySet> LoadInteractionKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new HashKeySet();
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

    public ValueTask<bool> UpsertItemAsync(IngestedItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var created = false;
        if (Find(_items, _findItem, item.ExternalId) is { } id)
        {
            if (item.Partial)
            {
                _mergeItem.With(item.Title, item.Category, item.Tags, item.Price, false, id, _tenantId).Execute();
            }
            else
            {
                _updateItem.With(item.Title, item.Category, item.Tags, item.Price, false, id, _tenantId).Execute();
                _deleteItemAttributes.With(id, _tenantId).Execute();
            }
        }
        else
        {
            id = _insertItem.With(_tenantId, item.ExternalId, item.Title, NullIfEmpty(item.Category), NullIfEmpty(item.Tags), item.Price, _now, false).ExecuteId();
            _items[item.ExternalId] = id;
            created = true;
        }

        foreach (var attribute in item.Attributes)
        {
            if (item.Partial && !created)
            {
                _deleteItemAttribute.With(id, attribute.Key, _tenantId).Execute();
            }

            _insertItemAttribute.With(_tenantId, id, attribute.Key, attribute.Value).Execute();
        }

        return ValueTask.FromResult(created);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    public ValueTask SetUserAttributesAsync(long userId, IReadOnlyList<IngestedFact> attributes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        foreach (var attribute in attributes)
        {
            _deleteUserAttribute.With(userId, attribute.Key, _tenantId).Execute();
            var value = attribute.Sensitive ? _attributeValues.Protect(_tenantId, attribute.Value) : attribute.Value;
            _insertUserAttribute.With(_tenantId, userId, attribute.Key, value, attribute.Sensitive, attribute.QuasiIdentifier).Execute();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask AppendConsentAsync(long userId, IngestedConsent consent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        _insertConsent.With(_tenantId, userId, consent.Purpose, consent.Granted, consent.OccurredAtUtc, _now, consent.Source,
            consent.NoticeVersion, consent.ProofReference, consent.ImportRunId).Execute();
        ConsentsAppended++;
        return ValueTask.CompletedTask;
    }

    public bool RemovesRepeatedInteractions => _interactions.RemovesRepeats;

    public async Task<long> CompleteDatasetAsync(DatasetKind dataset, CancellationToken cancellationToken)
    {
        var repeatsBefore = _interactions.RepeatsRemoved;
        await _interactions.CompleteDatasetAsync(cancellationToken);
        if (dataset == DatasetKind.Items)
        {
            // Replace mode: items not in the new file and not used by any interaction go, with what else points
            // at them (no cascade in a bulk session on SQLite).
            var unused = _db.Items.Where(i => i.IsPlaceholder && !_db.Interactions.Any(x => x.ItemId == i.Id)).Select(i => i.Id);
            await _db.ItemAttributes.Where(a => unused.Contains(a.ItemId)).ExecuteDeleteAsync(cancellationToken);
            await _db.RecommendationFeedback.Where(f => unused.Contains(f.ItemId)).ExecuteDeleteAsync(cancellationToken);
            var removed = await _db.Items.Where(i => unused.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
            if (removed > 0)
            {
                await LoadMapsAsync(cancellationToken);
            }
        }

        return _interactions.RepeatsRemoved - repeatsBefore;
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
        foreach (var command in new[] { _findUser, _findItem, _findInteraction, _mergeItem, _deleteItemAttribute, _insertUser, _insertItem, _updateItem, _deleteItemAttributes, _insertItemAttribute, _deleteUserAttribute, _insertUserAttribute, _insertConsent })
        {
            await command.DisposeAsync();
        }

        if (!_committed)
        {
            await _tx.RollbackAsync(CancellationToken.None);
        }

        await _tx.DisposeAsync();
        if (_bulk && !_commands.IsSqlServer)
        {
            // The pooled connection goes back as any other: SQLite's default cache, no sort threads, foreign keys on
            // (also when the session ended half-way through a flush that had changed them).
            await _db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000; PRAGMA threads = 0; PRAGMA foreign_keys = ON;");
        }

        await _db.DisposeAsync();
    }
}
