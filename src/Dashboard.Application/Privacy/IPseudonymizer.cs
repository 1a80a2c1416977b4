namespace Dashboard.Application.Privacy;

/// <summary>
/// Turns an end-user id as a tenant sends it into the id the tenant's data is stored under: the keyed
/// HMAC pseudonym when the tenant pseudonymises end-user ids, otherwise the id unchanged. Everything that
/// accepts an end-user id (imports, events and consent API, serving, the Recommendations search, access
/// and erasure) asks this one service, so the same person is found whichever way they are named.
/// </summary>
public interface IPseudonymizer
{
    ValueTask<string> StoredEndUserIdAsync(Guid tenantId, string externalId, CancellationToken cancellationToken);
}
