using Dashboard.Application.Common;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources.Import;

/// <summary>An item row ready to write.</summary>
public sealed record ImportedItem(string ExternalId, string Title, string? Category, string? Tags, decimal? Price, IReadOnlyList<ImportedFact> Attributes);

/// <summary>One key/value attribute of an item or end-user, with the end-user flags.</summary>
public sealed record ImportedFact(string Key, string Value, bool Sensitive = false, bool QuasiIdentifier = false);

/// <summary>Opens an all-or-nothing write of one import for one tenant.</summary>
public interface IImportWriter
{
    Task<IImportSession> BeginAsync(Guid tenantId, CancellationToken cancellationToken);
}

/// <summary>
/// One database transaction for one import: everything written through it (and through <see cref="Db"/>)
/// commits together or, when disposed without <see cref="CommitAsync"/>, not at all. Holds only id maps
/// (external id → database id), never the imported rows.
/// </summary>
public interface IImportSession : IAsyncDisposable
{
    /// <summary>A context bound to the tenant inside the same transaction, for the import's own records.</summary>
    IAppDbContext Db { get; }

    long PlaceholdersCreated { get; }

    /// <summary>Replace mode: removes the tenant's previous rows of <paramref name="dataset"/> (in the transaction).</summary>
    Task ReplaceAsync(DatasetKind dataset, CancellationToken cancellationToken);

    /// <summary>The end-user's database id, creating the end-user when new.</summary>
    ValueTask<long> UserIdAsync(string externalId, CancellationToken cancellationToken);

    /// <summary>The item's database id; a missing item is created as a placeholder when allowed, else null.</summary>
    ValueTask<long?> ItemIdAsync(string externalId, bool createPlaceholder, CancellationToken cancellationToken);

    /// <summary>
    /// True when the tenant already had this interaction (same end-user, item, type and time) before the
    /// import began, so appending an overlapping or repeated export adds each event once. False for every
    /// interaction after a replace-mode import removed them.
    /// </summary>
    ValueTask<bool> HadInteractionAsync(long userId, long itemId, InteractionType type, DateTime occurredAtUtc, CancellationToken cancellationToken);

    ValueTask AddInteractionAsync(long userId, long itemId, InteractionType type, double value, DateTime occurredAtUtc, CancellationToken cancellationToken);

    /// <summary>Inserts or updates an item by external id; its attributes are replaced by these.</summary>
    ValueTask UpsertItemAsync(ImportedItem item, CancellationToken cancellationToken);

    /// <summary>Sets these attributes on the end-user (same keys are replaced, others kept).</summary>
    ValueTask SetUserAttributesAsync(long userId, IReadOnlyList<ImportedFact> attributes, CancellationToken cancellationToken);

    /// <summary>Flushes buffered rows and finishes replace-mode clean-up of the dataset.</summary>
    Task CompleteDatasetAsync(DatasetKind dataset, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
