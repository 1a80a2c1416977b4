using System.Collections.Concurrent;
using Dashboard.Application.Privacy;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Infrastructure.Privacy;

/// <summary>
/// Data Protection with a purpose of its own plus the tenant, so a pseudonym key cannot be swapped with
/// another tenant's, a connection string, a cookie or a sensitive attribute value.
/// </summary>
internal sealed class PseudonymKeyProtector(IDataProtectionProvider provider) : IPseudonymKeyProtector
{
    private readonly IDataProtector _root = provider.CreateProtector("Dashboard.Privacy.PseudonymKey.v1");
    private readonly ConcurrentDictionary<Guid, IDataProtector> _tenants = new();

    public string Protect(Guid tenantId, byte[] key) => Convert.ToBase64String(For(tenantId).Protect(key));

    public byte[] Unprotect(Guid tenantId, string protectedKey) => For(tenantId).Unprotect(Convert.FromBase64String(protectedKey));

    private IDataProtector For(Guid tenantId) => _tenants.GetOrAdd(tenantId, t => _root.CreateProtector(t.ToString("N")));
}
