using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dashboard.Application;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.Privacy;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Privacy;
using Dashboard.Domain.Tenancy;
using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using EventWeights = Dashboard.Recommender.Data.EventWeights;

namespace Dashboard.Bench;

/// <summary>
/// The import pipeline end to end: a deterministic interactions CSV of N rows (N/50 users, 5,000 items,
/// the four implicit event types, ISO timestamps) is generated into a temp folder, then imported with the
/// real services (CsvHelper reader, validation, dedup, weights, one-transaction SQLite writer) into a
/// fresh migrated SQLite database. Prints elapsed time and working set at 10 %, 50 % and 100 % of the
/// rows: memory that stays flat while rows grow shows that nothing is buffered whole. With
/// <c>--passes 2</c> the same file is imported again into the same database: every row is then found
/// already stored (the append-mode de-duplication), which measures that check on a full tenant.
/// <para>
/// With <c>--format ml1m --data &lt;ml-1m folder&gt;</c> the MovieLens 1M <c>ratings.dat</c> is imported instead (through the
/// same MovieLens reader and mapping as an upload). With <c>--pseudonymise on</c> the tenant pseudonymises end-user ids
/// (a key as the re-key job makes it), so every row's id is HMAC'd on the way in; <c>both</c> runs each import twice,
/// plain and pseudonymised, each into a fresh database, for the overhead.
/// </para>
/// </summary>
internal static class ImportTask
{
    private const int Items = 5_000;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchOptions options)
    {
        var rows = new List<BenchRow>();
        var movieLens = options.Format == "ml1m";
        if (movieLens && options.Data is null)
        {
            throw new ArgumentException("--format ml1m needs --data <the ml-1m folder or its ratings.dat>.");
        }

        foreach (var size in movieLens ? [0] : options.Sizes)
        {
            foreach (var pseudonymise in options.Pseudonymise ?? [false])
            {
                var folder = Path.Combine(Path.GetTempPath(), "dashboard-bench-import", Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(folder);
                try
                {
                    var source = movieLens ? Source.MovieLens1M(options.Data!) : await Source.SyntheticAsync(folder, size);
                    rows.AddRange(await RunOneAsync(folder, source, options.Passes, pseudonymise));
                }
                finally
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        return rows;
    }

    private static async Task<IReadOnlyList<BenchRow>> RunOneAsync(string folder, Source source, int passes, bool pseudonymise)
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
        var tenantId = Guid.NewGuid();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            db.Tenants.Add(new Tenant { Id = tenantId, Name = "Bench", NormalizedName = Tenant.Normalize("Bench"), CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        if (pseudonymise)
        {
            await PseudonymiseAsync(host.Services, tenantId);
        }

        var rows = new List<BenchRow>();
        for (var pass = 1; pass <= passes; pass++)
        {
            rows.Add(await ImportOnceAsync(host.Services, tenantId, source, pass, pseudonymise));
        }

        return rows;
    }

    /// <summary>The tenant's state after the re-key job turned pseudonymisation on: the setting and one protected key.</summary>
    private static async Task PseudonymiseAsync(IServiceProvider services, Guid tenantId)
    {
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(Recommender.Privacy.Pseudonym.KeyBytes);
        var protectedKey = services.GetRequiredService<IPseudonymKeyProtector>().Protect(tenantId, key);
        await using var db = services.GetRequiredService<Dashboard.Application.Common.ITenantDbContextFactory>().CreateForTenant(tenantId);
        db.PrivacySettings.Add(new PrivacySettings { TenantId = tenantId, PseudonymiseEndUserIds = true, PseudonymisedSinceUtc = DateTime.UtcNow });
        db.PseudonymKeys.Add(new PseudonymKey { TenantId = tenantId, ProtectedKey = protectedKey, CreatedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    private static async Task<BenchRow> ImportOnceAsync(IServiceProvider services, Guid tenantId, Source source, int pass, bool pseudonymise)
    {
        GC.Collect();
        var report = new ImportReport(DatasetKind.Interactions);
        var settings = new ImportSettings(ImportMode.Append, BadRowPolicy.SkipBadRows, 1, UnknownItemPolicy.CreatePlaceholder, null, EventWeights.Default,
            new AcceptedTimes(source.EarliestUtc, new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
        var size = source.Rows;
        var checkpoints = new[] { size / 10, size / 2 };
        var next = 0;
        var marks = new List<(long Rows, double Seconds, double WorkingSetMb)>();
        using var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var progress = new Dashboard.Application.Common.InlineProgress<double>(_ =>
        {
            if (next < checkpoints.Length && report.RowsRead >= checkpoints[next])
            {
                process.Refresh();
                marks.Add((report.RowsRead, clock.Elapsed.TotalSeconds, process.WorkingSet64 / 1048576.0));
                next++;
            }
        });
        await using (var session = await services.GetRequiredService<IIngestionWriter>().BeginAsync(tenantId, CancellationToken.None))
        {
            await ImportPipeline.RunAsync(session, DatasetKind.Interactions, source.Open, source.Mapping, settings, report, progress, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        var total = clock.Elapsed.TotalSeconds;
        process.Refresh();
        marks.Add((report.RowsRead, total, process.WorkingSet64 / 1048576.0));
        foreach (var (r, s, ws) in marks)
        {
            Console.Error.WriteLine($"  {r,10:N0} rows  {s,6:F1} s  working set {ws,6:F0} MB");
        }

        Console.Error.WriteLine($"  pass {pass}: {report.Summary()}");
        var metrics = new Dictionary<string, double>
        {
            ["rows"] = report.RowsAccepted,
            ["already stored"] = report.RowsAlreadyImported,
            ["rows/s"] = report.RowsRead / total,
            ["peak WS MB"] = process.PeakWorkingSet64 / 1048576.0,
        };
        foreach (var (r, s, ws) in marks)
        {
            metrics[$"WS MB @{r / 1000:N0}k"] = ws;
        }

        var what = (pass == 1 ? $"import {size:N0} rows" : $"import {size:N0} rows again (pass {pass})") + (pseudonymise ? ", pseudonymised ids" : string.Empty);
        return new BenchRow("import", source.Name, what, metrics, total,
            Note: string.Join("; ", marks.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Rows / 1000:N0}k rows at {m.Seconds:F1} s"))));
    }

    /// <summary>What one import reads: a file, how to open and map it, how many rows it has, the earliest time it holds.</summary>
    private sealed record Source(
        string Name, int Rows, DateTime EarliestUtc, ColumnMapping? Mapping, Func<CancellationToken, Task<ITabularReader>> Open)
    {
        public static async Task<Source> SyntheticAsync(string folder, int size)
        {
            var csv = Path.Combine(folder, "interactions.csv");
            var generate = Stopwatch.StartNew();
            await WriteCsvAsync(csv, size);
            Console.Error.WriteLine($"generated {size:N0} rows ({new FileInfo(csv).Length / 1048576.0:F0} MB) in {generate.Elapsed.TotalSeconds:F1} s");
            return new Source("synthetic csv", size, IngestionRules.DefaultEarliestUtc, null,
                async ct => await DelimitedFileReader.OpenAsync(File.OpenRead(csv), null, null, cancellationToken: ct));
        }

        public static Source MovieLens1M(string data)
        {
            var path = Directory.Exists(data) ? Path.Combine(data, "ratings.dat") : data;
            var rows = File.ReadLines(path).Count();
            return new Source("MovieLens 1M ratings.dat", rows, MovieLensFormat.FirstRatingUtc,
                MovieLensFormat.Mapping(FileFormat.MovieLens1M, DatasetKind.Interactions),
                async ct => await MovieLensFormat.OpenAsync(File.OpenRead(path), FileFormat.MovieLens1M, DatasetKind.Interactions, ct));
        }
    }

    /// <summary>Deterministic rows: the same file for the same size, every time.</summary>
    private static async Task WriteCsvAsync(string path, int size)
    {
        var random = new Random(42);
        var users = Math.Max(100, size / 50);
        string[] types = ["view", "view", "view", "click", "click", "add_to_cart", "purchase"];
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("user_id,item_id,event_type,value,timestamp");
        var line = new StringBuilder(64);
        for (var i = 0; i < size; i++)
        {
            var at = start.AddSeconds(i * (15_552_000.0 / size));
            line.Clear()
                .Append('u').Append(random.Next(users).ToString(CultureInfo.InvariantCulture)).Append(",i")
                .Append(random.Next(Items).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(types[random.Next(types.Length)]).Append(",,")
                .Append(at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            await writer.WriteLineAsync(line);
        }
    }
}
