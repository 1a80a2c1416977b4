using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Migrations.SqlServer;

/// <summary>Used by `dotnet ef` only: builds the SQL Server model (no server is contacted).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        DbContextOptionsConfigurator.Configure(
            builder, new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=.;Database=Dashboard;Trusted_Connection=True;TrustServerCertificate=True" }, Path.GetTempPath());
        builder.UseApplicationServiceProvider(DesignTimeServices.IdentityOptionsProvider());
        return new DashboardDbContext(builder.Options);
    }
}
