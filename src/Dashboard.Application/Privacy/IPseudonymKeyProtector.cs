namespace Dashboard.Application.Privacy;

/// <summary>
/// Keeps a tenant's pseudonym keys encrypted at rest (ASP.NET Core Data Protection in the app, with a purpose of
/// its own and the tenant in it, so a key cannot be read as another tenant's or as any other secret).
/// </summary>
public interface IPseudonymKeyProtector
{
    string Protect(Guid tenantId, byte[] key);

    byte[] Unprotect(Guid tenantId, string protectedKey);
}
