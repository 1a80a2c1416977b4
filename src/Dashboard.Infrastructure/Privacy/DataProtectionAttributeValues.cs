using System.Collections.Concurrent;
using Dashboard.Application.Privacy;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Infrastructure.Privacy;

/// <summary>
/// Sensitive attribute values encrypted at rest with Data Protection (AES-256-CBC + HMACSHA256 by default), under a
/// purpose of their own plus the tenant: a value copied to another tenant's rows, or read as any other secret, does
/// not decrypt. Each encryption is randomised, so equal values are not equal in the table: counting values
/// happens after decrypting, never by grouping the column.
/// </summary>
internal sealed class DataProtectionAttributeValues(IDataProtectionProvider provider) : IAttributeValueProtector
{
    private readonly IDataProtector _root = provider.CreateProtector("Dashboard.Privacy.SensitiveAttributeValue.v1");
    private readonly ConcurrentDictionary<Guid, IDataProtector> _tenants = new();

    public string Protect(Guid tenantId, string value) => For(tenantId).Protect(value);

    public string Unprotect(Guid tenantId, string storedValue) => For(tenantId).Unprotect(storedValue);

    private IDataProtector For(Guid tenantId) => _tenants.GetOrAdd(tenantId, t => _root.CreateProtector(t.ToString("N")));
}
