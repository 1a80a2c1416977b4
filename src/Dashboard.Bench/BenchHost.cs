using Dashboard.Application;
using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Identity;
using Dashboard.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Bench;

/// <summary>The application's real services over a throw-away SQLite database, as the tasks that measure whole use cases need them.</summary>
internal static class BenchHost
{
    /// <summary>One measurement per size, each in a fresh temporary folder (named after the task) deleted afterwards.</summary>
    public static async Task<IReadOnlyList<BenchRow>> PerSizeAsync(string task, IReadOnlyList<int> sizes, Func<string, int, Task<BenchRow>> measure)
    {
        var rows = new List<BenchRow>();
        foreach (var size in sizes)
        {
            var folder = Path.Combine(Path.GetTempPath(), "dashboard-bench-" + task, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                rows.Add(await measure(folder, size));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return rows;
    }

    /// <summary>
    /// A host over <c>bench.db</c> in <paramref name="folder"/>: no job server (tasks run jobs themselves), no demo,
    /// warnings only; the database created and the roles seeded. <paramref name="configure"/> adds the task's own services.
    /// </summary>
    public static async Task<IHost> StartAsync(string folder, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, EnvironmentName = "Bench" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = "Data Source=bench.db",
            ["Jobs:SqliteStoragePath"] = "hangfire.db",
            ["Jobs:RunServer"] = "false",
            ["Demo:Enabled"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddApplicationServices();
        builder.AddInfrastructureServices();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().SeedAsync();
        return host;
    }
}
