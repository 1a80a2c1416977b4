namespace Dashboard.Application.Privacy;

/// <inheritdoc cref="IPseudonymizer" />
internal sealed class HmacPseudonymizer(PseudonymKeyRing keys) : IPseudonymizer
{
    public async ValueTask<string> StoredEndUserIdAsync(Guid tenantId, string externalId, CancellationToken cancellationToken) =>
        (await keys.GetAsync(tenantId, cancellationToken)).Stored(externalId);
}
