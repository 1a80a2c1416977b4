namespace Dashboard.Application.DataSources.ApiKeys;

/// <summary>
/// Resolves a presented events-API key to its tenant. Requests arrive with a key and no tenant, so
/// this is the one lookup that searches every tenant's keys (by hash).
/// </summary>
public interface IApiKeyAuthenticator
{
    /// <summary>The key's tenant and id, or null for an unknown, malformed or revoked key.</summary>
    Task<ApiKeyIdentity?> AuthenticateAsync(string? presentedKey, CancellationToken cancellationToken = default);

    /// <summary>Stops trusting a key this node has seen (it was just revoked).</summary>
    void Forget(Guid keyId);
}
