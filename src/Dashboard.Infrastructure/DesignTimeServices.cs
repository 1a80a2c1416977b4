using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Infrastructure;

/// <summary>
/// Identity's model depends on IdentityOptions.Stores.SchemaVersion. Design-time factories and tests
/// that build the model outside the app must see the same version, or migrations drift (passkeys table).
/// </summary>
public static class DesignTimeServices
{
    public static IServiceProvider IdentityOptionsProvider() =>
        new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
}
