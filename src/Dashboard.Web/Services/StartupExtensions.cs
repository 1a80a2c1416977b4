using Dashboard.Infrastructure.Demo;
using Dashboard.Infrastructure.Identity;
using Dashboard.Infrastructure.Jobs;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Services;

public static class StartupExtensions
{
    /// <summary>Database, older Data Protection keys, roles, interrupted jobs, demo organisation — in that order, before serving.</summary>
    public static async Task InitializeDashboardAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await app.Services.GetRequiredService<FolderKeyImporter>().ImportAsync();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.IsSqlite)
        {
            // Single-node embedded setup: a job "running" at start-up was interrupted by the last stop.
            await app.Services.GetRequiredService<InterruptedJobRecovery>().RecoverAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    /// <summary>Logs <see cref="ReadyLine"/> once the server has bound its addresses and started serving.</summary>
    public static async Task LogReadyLineWhenStartedAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var demoAccountsExist = false;
        if (demo.Enabled)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            demoAccountsExist = await users.FindByEmailAsync($"admin@{demo.EmailDomain}") is not null;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dashboard.Web.Ready");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            logger.LogInformation("{ReadyLine}", ReadyLine.Build(addresses, demo, demoAccountsExist));
        });
    }
}
