using Dashboard.Infrastructure.Demo;
using Dashboard.Infrastructure.Identity;
using Dashboard.Infrastructure.Jobs;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Security;

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
}
