namespace Dashboard.Application.Privacy;

/// <summary>
/// The one query of the end-users whose data may be used for a purpose at a time. Training and
/// personalised serving both ask it; nothing else decides whose data is used. The answer for an end-user is
/// their latest consent record for the purpose by its own time (ties by the record's id), or, with no
/// record, the tenant's <see cref="Domain.Privacy.PrivacySettings.NoRecordMeansConsented"/>.
/// </summary>
public interface IConsentGate
{
    /// <summary>The end-users allowed for <paramref name="purpose"/> as of <paramref name="asOfUtc"/> (records after it are not read).</summary>
    Task<ConsentedEndUsers> EndUsersAllowedAsync(Guid tenantId, string purpose, DateTime asOfUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the end-user (the id as stored) may be served for <paramref name="purpose"/> now: the hot path of
    /// serving, answered from a per-tenant snapshot that <see cref="ConsentChanged"/> invalidates.
    /// </summary>
    ValueTask<bool> AllowsAsync(Guid tenantId, string purpose, string storedEndUserId, CancellationToken cancellationToken);

    /// <summary>Called after a tenant's consent records were deleted or its consent setting changed: the next answer reads them all again.</summary>
    void ConsentChanged(Guid tenantId);

    /// <summary>
    /// Called after consent records were only appended (the consent API): the next answer folds in just the new
    /// records, which is exact because records are never edited, and costs milliseconds where a full read costs seconds.
    /// </summary>
    void ConsentAppended(Guid tenantId);

    /// <summary>Called after an erasure: the end-user (id as stored) leaves the serving snapshot at once, so no cache keeps their id.</summary>
    void EndUserErased(Guid tenantId, string storedEndUserId);
}
