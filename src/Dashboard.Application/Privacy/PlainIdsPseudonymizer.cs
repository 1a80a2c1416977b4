namespace Dashboard.Application.Privacy;

/// <summary>Stores end-user ids as sent. Replaced by the keyed HMAC pseudonymizer when pseudonymisation is built.</summary>
internal sealed class PlainIdsPseudonymizer : IPseudonymizer
{
    public ValueTask<string> StoredEndUserIdAsync(Guid tenantId, string externalId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(externalId);
}
