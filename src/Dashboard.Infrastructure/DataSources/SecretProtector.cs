using Dashboard.Application.DataSources;
using Microsoft.AspNetCore.DataProtection;

namespace Dashboard.Infrastructure.DataSources;

/// <summary>Data Protection with its own purpose, so these ciphertexts cannot be swapped with cookies or tokens.</summary>
internal sealed class SecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Dashboard.DataSources.ConnectionString.v1");

    public string Protect(string plain) => _protector.Protect(plain);

    public string Unprotect(string protectedValue) => _protector.Unprotect(protectedValue);
}
