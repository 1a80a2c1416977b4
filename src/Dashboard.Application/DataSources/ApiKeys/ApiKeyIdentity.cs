namespace Dashboard.Application.DataSources.ApiKeys;

/// <summary>Who a valid presented key belongs to: its tenant, the key's own id and name, and what it may do.</summary>
public sealed record ApiKeyIdentity(Guid TenantId, Guid KeyId, string KeyName, IReadOnlyList<string> Scopes);
