namespace Dashboard.Application.DataSources.ApiKeys;

/// <summary>Who a valid presented key belongs to: its tenant and the key's own id and name.</summary>
public sealed record ApiKeyIdentity(Guid TenantId, Guid KeyId, string KeyName);
