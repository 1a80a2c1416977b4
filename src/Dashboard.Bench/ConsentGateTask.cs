using System.Diagnostics;
using Dashboard.Application;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Privacy;
using Dashboard.Application.Team;
using Dashboard.Application.Training;
using Dashboard.Domain.Privacy;
using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Identity;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Bench;

/// <summary>
/// What the consent gate costs: a fresh SQLite tenant of 100,000 end-users × 5,000 items × N interactions
/// (default 1,000,000) written by the sample-data writer, which also writes the demo's consent records
/// (Personalisation and Analytics granted by all but every 40th end-user: about 195,000 records), then training's
/// data reading timed with everyone allowed (no gate) and through the gate (its query plus the reader skipping the
/// refused), alternately, five times each; the medians are compared. Then the serving side: loading the per-tenant
/// snapshot, and 200,000 calls of <see cref="IConsentGate.AllowsAsync"/> (p50 and p99).
/// </summary>
internal static class ConsentGateTask
{
    private const int Users = 100_000;
    private const int Rounds = 5;

    public static Task<IReadOnlyList<BenchRow>> RunAsync(BenchOptions options) =>
        BenchHost.PerSizeAsync("consent", options.Sizes, RunOneAsync);

    private static async Task<BenchRow> RunOneAsync(string folder, int size)
    {
        using var host = await BenchHost.StartAsync(folder);

        var tenantId = (await host.Services.GetRequiredService<IIdentityService>().RegisterOrganisationAsync("Bench", "bench@example.test", "correct-horse-battery-7")).TenantId;
        var generate = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var sample = new SampleDataOptions { Users = Users, Items = 5_000, Interactions = size, Days = 180, Seed = 42 };
            await scope.ServiceProvider.GetRequiredService<SampleDataImport>().RunAsync(
                tenantId, SampleCatalogTemplate.Retail, sample, new InlineProgress<JobProgress>(_ => { }), CancellationToken.None);
        }

        var dbFactory = host.Services.GetRequiredService<ITenantDbContextFactory>();
        var gate = host.Services.GetRequiredService<IConsentGate>();
        int records;
        await using (var db = dbFactory.CreateForTenant(tenantId))
        {
            records = await db.ConsentRecords.CountAsync();
        }

        Console.Error.WriteLine($"sample data: {size:N0} interactions, {records:N0} consent records written in {generate.Elapsed.TotalSeconds:F1} s");

        var asOf = DateTime.UtcNow;
        var without = new List<double>();
        var with = new List<double>();
        var gateQuery = new List<double>();
        (int Included, int Excluded) counts = default;
        for (var round = 0; round < Rounds; round++)
        {
            // Alternating keeps the page cache and the machine's load comparable for both.
            var clock = Stopwatch.StartNew();
            await using (var db = dbFactory.CreateForTenant(tenantId))
            {
                await TrainingDataReader.ReadAsync(db, ConsentedEndUsers.Everyone("bench", asOf), null, null, CancellationToken.None);
            }

            without.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            var consent = await gate.EndUsersAllowedAsync(tenantId, ConsentPurpose.Personalisation, asOf, CancellationToken.None);
            gateQuery.Add(clock.Elapsed.TotalSeconds);
            await using (var db = dbFactory.CreateForTenant(tenantId))
            {
                var (data, _, excluded) = await TrainingDataReader.ReadAsync(db, consent, null, null, CancellationToken.None);
                counts = (data.Profile().EndUsers, excluded);
            }

            with.Add(clock.Elapsed.TotalSeconds);
            Console.Error.WriteLine($"  round {round + 1}: without gate {without[^1]:F2} s, with gate {with[^1]:F2} s (gate query {gateQuery[^1]:F2} s)");
        }

        var load = Stopwatch.StartNew();
        await gate.AllowsAsync(tenantId, ConsentPurpose.Personalisation, "u000001", CancellationToken.None);
        var snapshot = load.Elapsed.TotalMilliseconds;
        var calls = new double[200_000];
        var random = new Random(42);
        for (var i = 0; i < calls.Length; i++)
        {
            var user = "u" + (random.Next(Users) + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var start = Stopwatch.GetTimestamp();
            await gate.AllowsAsync(tenantId, ConsentPurpose.Personalisation, user, CancellationToken.None);
            calls[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(calls);
        var (medianWithout, medianWith, medianGate) = (Median(without), Median(with), Median(gateQuery));
        var overhead = 100 * (medianWith - medianWithout) / medianWithout;
        Console.Error.WriteLine($"  end-users included {counts.Included:N0}, excluded by consent {counts.Excluded:N0}");
        Console.Error.WriteLine($"  median reading: without gate {medianWithout:F2} s, with gate {medianWith:F2} s (gate query {medianGate:F2} s): {overhead:+0.0;-0.0} %");
        Console.Error.WriteLine($"  serving: snapshot load {snapshot:F0} ms; AllowsAsync p50 {calls[calls.Length / 2]:F2} µs, p99 {calls[(int)(calls.Length * 0.99)]:F2} µs");
        var metrics = new Dictionary<string, double>
        {
            ["read without gate s"] = medianWithout,
            ["read with gate s"] = medianWith,
            ["gate query s"] = medianGate,
            ["overhead %"] = overhead,
            ["snapshot load ms"] = snapshot,
            ["allows p50 µs"] = calls[calls.Length / 2],
            ["allows p99 µs"] = calls[(int)(calls.Length * 0.99)],
        };
        return new BenchRow("consent-gate", "sample data (E-commerce)", $"{Users:N0} end-users × 5,000 × {size:N0}, {records:N0} consent records", metrics, medianWith);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
