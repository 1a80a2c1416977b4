using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>Applies migrations (unless switched off) and turns on WAL for SQLite.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<DashboardDbContext> factory, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (options.Value.ApplyMigrationsOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrations applied ({Provider}).", options.Value.Provider);
        }

        if (options.Value.IsSqlite)
        {
            // WAL lets readers (pages) proceed while a job writes; persistent in the file once set.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

            // Keeps the planner's statistics current (ANALYZE where useful); without them SQLite picks
            // index scans for the whole-table aggregates of the preview and overview pages.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        }
    }
}
