namespace Dashboard.Application.DataSources;

/// <summary>Encrypts secrets at rest (ASP.NET Core Data Protection in the app).</summary>
public interface ISecretProtector
{
    string Protect(string plain);

    string Unprotect(string protectedValue);
}
