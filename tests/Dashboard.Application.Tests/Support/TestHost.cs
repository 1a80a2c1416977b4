using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Application.Team;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Identity;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Application.Tests.Support;

/// <summary>
/// The application and infrastructure services as the app registers them, on a fresh SQLite file in a
/// temp folder (migrated), with no Hangfire server and a settable caller. One per test.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly IHost _host;

    private TestHost(string folder, IHost host)
    {
        _folder = folder;
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>The temp folder the app runs in (its SQLite files live here).</summary>
    public string ContentRoot => _folder;

    public TestCurrentUser CurrentUser => Services.GetRequiredService<TestCurrentUser>();

    public FakeTimeProvider Time => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    /// <param name="settings">Configuration on top of the test defaults (e.g. <c>Storage:Provider</c>).</param>
    public static async Task<TestHost> StartAsync(Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = "Data Source=dashboard.db;Pooling=False",
            ["Jobs:SqliteStoragePath"] = "hangfire.db",
            ["Jobs:RunServer"] = "false",
            ["Demo:Enabled"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero)));
        builder.AddApplicationServices();
        builder.AddInfrastructureServices();
        builder.Services.AddSingleton<TestCurrentUser>();
        builder.Services.AddSingleton<ICurrentUser>(sp => sp.GetRequiredService<TestCurrentUser>());
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RoleSeeder>().SeedAsync();
        }

        return new TestHost(folder, host);
    }

    /// <summary>Registers an organisation with an Admin and returns that Admin as a caller.</summary>
    public async Task<CallerContext> RegisterOrganisationAsync(string name, string email = "admin@example.test")
    {
        await using var scope = Services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<IIdentityService>();
        var outcome = await identity.RegisterOrganisationAsync(name, email, "correct-horse-battery-7");
        Assert.True(outcome.Result.Succeeded, string.Join(" ", outcome.Result.Errors));
        return new CallerContext(outcome.UserId!, email, outcome.TenantId, name, new HashSet<string> { Roles.Admin });
    }

    public static CallerContext As(CallerContext caller, string role) => caller with { Roles = new HashSet<string> { role } };

    /// <summary>Runs a scoped service in a scope of its own, the way one HTTP request would.</summary>
    public async Task<TResult> InScopeAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>
    /// A scope to hold across several calls, the way a Blazor circuit holds its scoped services for as
    /// long as the page is open: state a failed call leaves in a scoped service is still there for the next.
    /// </summary>
    public AsyncServiceScope OpenCircuit() => Services.CreateAsyncScope();

    /// <summary>Queues a job the way a service does (in its own unit of work), requested by a named system task.</summary>
    public async Task<Guid> QueueJobAsync<TParameters>(Guid tenantId, TParameters parameters, string requestedBy = "test")
        where TParameters : IJobParameters
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = CreateTenantContext(tenantId);
        var run = scope.ServiceProvider.GetRequiredService<IJobScheduler>().Enqueue(db, parameters, CallerContext.ForSystem(tenantId, requestedBy));
        await db.SaveChangesAsync();
        return run.Id;
    }

    public DashboardDbContext CreateUnboundContext() =>
        Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();

    public IAppDbContext CreateTenantContext(Guid tenantId) =>
        Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by SQLite on some systems; the temp folder is cleaned by the OS.
        }
    }
}
