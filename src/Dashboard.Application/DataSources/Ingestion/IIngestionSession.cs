using Dashboard.Application.Common;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources.Ingestion;

/// <summary>
/// One database transaction of one tenant's write: everything written through it (and through
/// <see cref="Db"/>) commits together or, when disposed without <see cref="CommitAsync"/>, not at all.
/// Holds id maps (external id → database id) and de-duplication keys, never the written rows. Every
/// external id and value that reaches the tables passes here, so rules that change what is stored about
/// a person (pseudonymised ids, consent, erasure) belong in this one place.
/// </summary>
public interface IIngestionSession : IAsyncDisposable
{
    /// <summary>A context bound to the tenant inside the same transaction, for the caller's own records.</summary>
    IAppDbContext Db { get; }

    long UsersCreated { get; }

    long PlaceholdersCreated { get; }

    /// <summary>Replace mode: removes the tenant's previous rows of <paramref name="dataset"/> (in the transaction).</summary>
    Task ReplaceAsync(DatasetKind dataset, CancellationToken cancellationToken);

    /// <summary>Removes all of the tenant's end-users, items, attributes and interactions (in the transaction).</summary>
    Task ClearAsync(CancellationToken cancellationToken);

    /// <summary>True when the tenant pseudonymises end-user ids: an id as sent must then not be stored anywhere, not even in an error report.</summary>
    bool PseudonymisesEndUserIds { get; }

    /// <summary>
    /// The id an end-user sent as <paramref name="externalId"/> is stored under: its pseudonym when the tenant
    /// pseudonymises end-user ids, else the id itself. In-memory state keyed by end-user (recent events) uses it too.
    /// </summary>
    string StoredEndUserId(string externalId);

    /// <summary>The end-user's database id, creating the end-user when new.</summary>
    ValueTask<long> UserIdAsync(string externalId, CancellationToken cancellationToken);

    /// <summary>The end-user's database id, or null when the tenant has no end-user with this id.</summary>
    ValueTask<long?> FindUserIdAsync(string externalId, CancellationToken cancellationToken);

    /// <summary>The item's database id; a missing item is created as a placeholder when allowed, else null.</summary>
    ValueTask<long?> ItemIdAsync(string externalId, bool createPlaceholder, CancellationToken cancellationToken);

    /// <summary>
    /// True when the tenant already had this interaction (same end-user, item, type and time) before the
    /// session began, so appending an overlapping or repeated export adds each event once. False for every
    /// interaction after <see cref="ReplaceAsync"/> or <see cref="ClearAsync"/> removed them.
    /// </summary>
    ValueTask<bool> HadInteractionAsync(long userId, long itemId, InteractionType type, DateTime occurredAtUtc, CancellationToken cancellationToken);

    ValueTask AddInteractionAsync(long userId, long itemId, InteractionType type, double value, DateTime occurredAtUtc, CancellationToken cancellationToken);

    /// <summary>Inserts or updates an item by external id (see <see cref="IngestedItem"/>); true when it was created.</summary>
    ValueTask<bool> UpsertItemAsync(IngestedItem item, CancellationToken cancellationToken);

    /// <summary>Sets these attributes on the end-user (same keys are replaced, others kept).</summary>
    ValueTask SetUserAttributesAsync(long userId, IReadOnlyList<IngestedFact> attributes, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a consent record (checked by <see cref="IngestionRules"/>) for the end-user. Records are never
    /// updated or removed here: the current state is the latest by its own time, read by the consent gate.
    /// </summary>
    ValueTask AppendConsentAsync(long userId, IngestedConsent consent, CancellationToken cancellationToken);

    /// <summary>Consent records appended in this session.</summary>
    long ConsentsAppended { get; }

    /// <summary>
    /// True when the session itself removes repeats among the interactions written through it (same end-user,
    /// item, type and time as an earlier one of them; the first is kept) in <see cref="CompleteDatasetAsync"/>, in the
    /// database and in memory that does not grow with the rows. The caller then need not remember the rows it has
    /// sent. A caller that never completes the dataset (sample data) keeps what it wrote, repeats included.
    /// </summary>
    bool RemovesRepeatedInteractions { get; }

    /// <summary>
    /// Flushes buffered rows and finishes replace-mode clean-up of the dataset. Returns how many interactions
    /// were removed as repeats (always 0 unless <see cref="RemovesRepeatedInteractions"/>).
    /// </summary>
    Task<long> CompleteDatasetAsync(DatasetKind dataset, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
