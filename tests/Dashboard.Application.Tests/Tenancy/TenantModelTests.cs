using Dashboard.Domain.Tenancy;
using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Tests.Tenancy;

public sealed class TenantModelTests
{
    private static DashboardDbContext CreateModelOnlyContext()
    {
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        DbContextOptionsConfigurator.Configure(builder, new DatabaseOptions { ConnectionString = "Data Source=:memory:" }, Path.GetTempPath());
        builder.UseApplicationServiceProvider(DesignTimeServices.IdentityOptionsProvider());
        return new DashboardDbContext(builder.Options);
    }

    [Fact]
    public void EveryTenantOwnedEntity_HasTheTenantQueryFilter()
    {
        using var db = CreateModelOnlyContext();

        var missing = db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Where(t => t.FindDeclaredQueryFilter(DashboardDbContext.TenantFilter) is null)
            .Select(t => t.ClrType.Name)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void EntitiesWithATenantIdColumn_AreAllTenantOwned()
    {
        // A TenantId property on a type that is not ITenantOwned would silently escape the filter.
        // ApplicationUser is the one reviewed exception: sign-in must find users before a tenant is known.
        using var db = CreateModelOnlyContext();

        var escaping = db.Model.GetEntityTypes()
            .Where(t => t.FindProperty(nameof(ITenantOwned.TenantId)) is not null)
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType.Name)
            .ToList();

        Assert.Equal(["ApplicationUser"], escaping);
    }

    [Fact]
    public void UniqueIndexesOfTenantOwnedEntities_IncludeTheTenant()
    {
        using var db = CreateModelOnlyContext();

        var offending = db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .SelectMany(t => t.GetIndexes().Where(i => i.IsUnique).Select(i => (t, i)))
            .Where(x => x.i.Properties.All(p => p.Name != nameof(ITenantOwned.TenantId)))
            .Select(x => $"{x.t.ClrType.Name}({string.Join(",", x.i.Properties.Select(p => p.Name))})")
            .ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void IgnoreQueryFilters_IsUsedOnlyInReviewedPlaces()
    {
        var reviewed = new[]
        {
            // An events-API request carries a key, not a tenant: the key's hash is what finds the tenant.
            "Dashboard.Infrastructure/DataSources/ApiKeyAuthenticator.cs",
            "Dashboard.Infrastructure/Jobs/InterruptedJobRecovery.cs",
        };
        var src = Path.Combine(RepositoryRoot(), "src");

        var users = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(src, "*.razor", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(".IgnoreQueryFilters(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(reviewed, users);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Dashboard.sln not found above the test folder.");
    }
}
