using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dashboard.Application.Tests.Persistence;

public sealed class MigrationTests
{
    private static DashboardDbContext Create(string provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        DbContextOptionsConfigurator.Configure(builder, new DatabaseOptions { Provider = provider, ConnectionString = connectionString }, Path.GetTempPath());
        builder.UseApplicationServiceProvider(DesignTimeServices.IdentityOptionsProvider());
        return new DashboardDbContext(builder.Options);
    }

    [Fact]
    public async Task SqliteMigrations_ApplyToAnEmptyDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dashboard-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = Create(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False");

            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Tenants.CountAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ApiKeyScopesMigration_GivesExistingKeysEventsWrite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dashboard-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = Create(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False");
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_ApiKeyScopes", StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO ApiKeys (Id, TenantId, Name, Prefix, Hash, CreatedAtUtc) VALUES ('5E0E0A2C-0000-4000-8000-000000000001', '5E0E0A2C-0000-4000-8000-000000000002', 'Old shop', 'dk_old12', 'ab', '2026-01-01 00:00:00')");

            await migrator.MigrateAsync();

            Assert.Equal("events:write", await db.Database.SqlQueryRaw<string>("SELECT Scopes AS Value FROM ApiKeys").SingleAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=.;Database=Dashboard;Trusted_Connection=True;TrustServerCertificate=True")]
    public void Migrations_MatchTheModel(string provider, string connectionString)
    {
        using var db = Create(provider, connectionString);

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model has changes no migration covers; add one with dotnet ef (README).");
    }

    [Fact]
    public void SqlServerMigrationScript_CreatesEveryTableOfTheModel()
    {
        using var db = Create(DatabaseProvider.SqlServer, "Server=.;Database=Dashboard;Trusted_Connection=True;TrustServerCertificate=True");

        var script = db.GetService<IMigrator>().GenerateScript();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).Where(t => t is not null).Distinct().ToList();

        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.Contains($"CREATE TABLE [{t}]", script, StringComparison.Ordinal));
    }
}
