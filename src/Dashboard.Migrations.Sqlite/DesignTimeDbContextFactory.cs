using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Migrations.Sqlite;

/// <summary>Used by `dotnet ef` only: builds the SQLite model with the app's Identity schema version.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        DbContextOptionsConfigurator.Configure(
            builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" }, Path.GetTempPath());
        builder.UseApplicationServiceProvider(DesignTimeServices.IdentityOptionsProvider());
        return new DashboardDbContext(builder.Options);
    }
}
