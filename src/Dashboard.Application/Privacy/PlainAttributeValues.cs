namespace Dashboard.Application.Privacy;

/// <summary>Stores sensitive values as sent. Replaced by encryption at rest when the pseudonymisation part lands.</summary>
internal sealed class PlainAttributeValues : IAttributeValueProtector
{
    public string Protect(Guid tenantId, string value) => value;

    public string Unprotect(Guid tenantId, string storedValue) => storedValue;
}
