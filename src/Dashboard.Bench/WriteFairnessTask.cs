using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Dashboard.Application;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Domain.Tenancy;
using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Bench;

/// <summary>
/// Two organisations writing through the events API's application services into one SQLite database, the
/// way the endpoints call them (the attribute limits, then the organisation's write turn, then the write).
/// Organisation B sends heavy end-user batches from two parallel senders without pause; organisation A
/// starts one single-event request every 250 ms (open loop, as independent clients would) and its
/// latencies are reported. "unlimited" is what B could send before the limits: 1,000 users × 300
/// attributes per request, no limits, no turn. "at the limits" is B's heaviest request the limits allow
/// (1,000 users × 10 attributes) with the per-organisation turn. Both use this build's write path. Each
/// scenario runs on a fresh database for <c>--seconds</c> (default 30).
/// </summary>
internal static class WriteFairnessTask
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private sealed record Scenario(string Name, int HeavyUsers, int AttributesPerUser, bool Limited, bool Gated);

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchOptions options)
    {
        Scenario[] scenarios =
        [
            new("A alone", 0, 0, Limited: true, Gated: true),
            new("unlimited: B 2 × (1,000 users × 300 attributes), no limits, no turn", 1_000, 300, Limited: false, Gated: false),
            new("at the limits: B 2 × (1,000 users × 10 attributes), limits + per-organisation turn", 1_000, 10, Limited: true, Gated: true),
        ];
        var rows = new List<BenchRow>();
        foreach (var scenario in scenarios)
        {
            var folder = Path.Combine(Path.GetTempPath(), "dashboard-bench-fairness", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                rows.Add(await RunOneAsync(folder, scenario, TimeSpan.FromSeconds(options.Seconds)));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return rows;
    }

    private static async Task<BenchRow> RunOneAsync(string folder, Scenario scenario, TimeSpan duration)
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
        using var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var tenantA = await AddTenantAsync(host.Services, "A");
        var tenantB = await AddTenantAsync(host.Services, "B");

        // The first write builds EF's model and compiles its queries; that start-up cost is not what is measured.
        await WriteAsync(host.Services, tenantA, scenario, (ingest, _) => ingest.UpsertUsersAsync(tenantA, [new UserInput("warm-up", [new UserAttributeInput("k", "v")])]));
        await WriteAsync(host.Services, tenantA, scenario, (ingest, _) => ingest.RecordEventsAsync(tenantA, [new EventInput("warm-up", "warm-up", "view")]));
        GC.Collect();

        using var stop = new CancellationTokenSource();
        var heavySeconds = new ConcurrentBag<double>();
        var refused = 0;
        var heavy = scenario.HeavyUsers == 0
            ? []
            : Enumerable.Range(0, 2).Select(sender => Task.Run(async () =>
            {
                for (var request = 0; !stop.IsCancellationRequested; request++)
                {
                    var batch = HeavyBatch(sender, request, scenario.HeavyUsers, scenario.AttributesPerUser);
                    var clock = Stopwatch.StartNew();
                    var outcome = await TryWriteAsync(host.Services, tenantB, scenario, (ingest, limits) =>
                        (scenario.Limited ? limits.Users(batch) : null) is { } no ? Task.FromResult(no) : ingest.UpsertUsersAsync(tenantB, batch));
                    if (outcome?.Succeeded != true)
                    {
                        Interlocked.Increment(ref refused);
                    }

                    heavySeconds.Add(clock.Elapsed.TotalSeconds);
                }
            })).ToArray();

        // B gets going first, so A's requests meet B's writes from the start.
        await Task.Delay(scenario.HeavyUsers == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(1));
        var light = new List<Task<(double Ms, bool Ok)>>();
        var run = Stopwatch.StartNew();
        for (var i = 0; run.Elapsed < duration; i++)
        {
            var n = i;
            light.Add(Task.Run(async () =>
            {
                var clock = Stopwatch.StartNew();
                var outcome = await TryWriteAsync(host.Services, tenantA, scenario, (ingest, _) => ingest.RecordEventsAsync(tenantA,
                    [new EventInput($"a-user-{n % 50}", $"a-item-{n % 20}", "view", Timestamp: System.Text.Json.JsonSerializer.SerializeToElement(1_780_000_000 + n))]));
                return (clock.Elapsed.TotalMilliseconds, outcome?.Succeeded == true);
            }));
            await Task.Delay(Interval);
        }

        var results = await Task.WhenAll(light);
        var latencies = results.Select(r => r.Ms).Order().ToArray();
        await stop.CancelAsync();
        await Task.WhenAll(heavy);
        using var process = Process.GetCurrentProcess();
        var metrics = new Dictionary<string, double>
        {
            ["A requests"] = latencies.Length,
            ["A p50 ms"] = Percentile(latencies, 0.50),
            ["A p99 ms"] = Percentile(latencies, 0.99),
            ["A max ms"] = latencies[^1],
            ["A failed"] = results.Count(r => !r.Ok),
            ["B requests"] = heavySeconds.Count,
            ["B failed"] = refused,
            ["B mean s"] = heavySeconds.IsEmpty ? 0 : heavySeconds.Average(),
            ["peak WS MB"] = process.PeakWorkingSet64 / 1048576.0,
        };
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name}: A p50 {metrics["A p50 ms"]:F0} ms, p99 {metrics["A p99 ms"]:F0} ms over {latencies.Length} requests ({metrics["A failed"]} failed); B {heavySeconds.Count} requests ({refused} failed)"));
        return new BenchRow("write-fairness", "synthetic", scenario.Name, metrics, duration.TotalSeconds);
    }

    /// <summary>
    /// A write that the database gave up on (SQLite's "database is locked" after its busy timeout, which an
    /// endpoint answers with 500) is a failed request here: null.
    /// </summary>
    private static async Task<IngestOutcome?> TryWriteAsync(
        IServiceProvider services, Guid tenantId, Scenario scenario, Func<EventIngestService, IngestLimitCheck, Task<IngestOutcome>> write)
    {
        try
        {
            return await WriteAsync(services, tenantId, scenario, write);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException)
        {
            return null;
        }
    }

    /// <summary>The endpoint's order: the organisation's turn when gated, then the limits and the write.</summary>
    private static async Task<IngestOutcome> WriteAsync(
        IServiceProvider services, Guid tenantId, Scenario scenario, Func<EventIngestService, IngestLimitCheck, Task<IngestOutcome>> write)
    {
        using var turn = scenario.Gated ? await services.GetRequiredService<TenantWriteGate>().EnterAsync(tenantId, CancellationToken.None) : null;
        if (scenario.Gated && turn is null)
        {
            return IngestOutcome.Refused([new IngestProblem(0, "", "queue full (429)")]);
        }

        await using var scope = services.CreateAsyncScope();
        return await write(scope.ServiceProvider.GetRequiredService<EventIngestService>(), scope.ServiceProvider.GetRequiredService<IngestLimitCheck>());
    }

    /// <summary>New end-users every request (inserts are the expensive case), about 40 bytes per attribute as in the report.</summary>
    private static List<UserInput?> HeavyBatch(int sender, int request, int users, int attributes) =>
        [.. Enumerable.Range(0, users).Select(u => (UserInput?)new UserInput(
            string.Create(CultureInfo.InvariantCulture, $"b-{sender}-{request}-{u}"),
            [.. Enumerable.Range(0, attributes).Select(a => (UserAttributeInput?)new UserAttributeInput(
                string.Create(CultureInfo.InvariantCulture, $"attribute_{a:D3}"), string.Create(CultureInfo.InvariantCulture, $"value {u}/{a}")))]))];

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<Guid> AddTenantAsync(IServiceProvider services, string name)
    {
        var id = Guid.NewGuid();
        await using var db = await services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        db.Tenants.Add(new Tenant { Id = id, Name = name, NormalizedName = Tenant.Normalize(name), CreatedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return id;
    }
}
