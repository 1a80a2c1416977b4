using System.Diagnostics;
using Dashboard.Application;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Team;
using Dashboard.Application.Training;
using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Identity;
using Dashboard.Infrastructure.Jobs;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Bench;

/// <summary>
/// The training job end to end on a sample tenant: a fresh migrated SQLite database, an organisation (with its
/// Default blend), sample data of 20,000 end-users × 5,000 items × N interactions (default 1,000,000) written
/// by the sample-data writer, then one TrainModel run through the real job executor — read from SQLite, split,
/// fit, evaluate, refit, store the artifact, write the version. Prints each stage's time and the peak working
/// set sampled during the training (the data generation before it is not counted).
/// </summary>
internal static class TrainTask
{
    public static Task<IReadOnlyList<BenchRow>> RunAsync(BenchOptions options) =>
        BenchHost.PerSizeAsync("train", options.Sizes, RunOneAsync);

    private static async Task<BenchRow> RunOneAsync(string folder, int size)
    {
        using var host = await BenchHost.StartAsync(folder);

        var registered = await host.Services.GetRequiredService<IIdentityService>().RegisterOrganisationAsync("Bench", "bench@example.test", "correct-horse-battery-7");
        var tenantId = registered.TenantId;

        var generate = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var sample = new SampleDataOptions { Users = 20_000, Items = 5_000, Interactions = size, Days = 180, Seed = 42 };
            await scope.ServiceProvider.GetRequiredService<SampleDataImport>().RunAsync(
                tenantId, SampleCatalogTemplate.Retail, sample, new InlineProgress<JobProgress>(_ => { }), CancellationToken.None);
        }

        Console.Error.WriteLine($"sample data: {size:N0} interactions written in {generate.Elapsed.TotalSeconds:F1} s");

        Guid runId;
        await using (var db = host.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId))
        {
            var blendId = await db.Blends.Where(b => b.Name == BlendDefaults.DefaultBlendName).Select(b => b.Id).SingleAsync();
            await using var scope = host.Services.CreateAsyncScope();
            runId = scope.ServiceProvider.GetRequiredService<IJobScheduler>().Enqueue(db, new TrainModelParameters(blendId), CallerContext.ForSystem(tenantId, "bench")).Id;
            await db.SaveChangesAsync();
        }

        GC.Collect();
        using var process = Process.GetCurrentProcess();
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(50, CancellationToken.None);
            }
        });

        var clock = Stopwatch.StartNew();
        IReadOnlyList<(string Stage, TimeSpan Took)> stages;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().OfType<TrainModelJobHandler>().Single();
            await scope.ServiceProvider.GetRequiredService<JobRunExecutor>().ExecuteAsync(tenantId, runId, CancellationToken.None);
            stages = [.. handler.StageTimes];
        }

        var total = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;

        await using (var db = host.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId))
        {
            var run = await db.JobRuns.AsNoTracking().SingleAsync(j => j.Id == runId);
            if (run.State != JobState.Succeeded)
            {
                throw new InvalidOperationException($"The training failed: {run.Error}");
            }

            Console.Error.WriteLine($"  {run.Message}");
        }

        var metrics = new Dictionary<string, double> { ["total s"] = total, ["peak WS MB"] = peak / 1048576.0 };
        foreach (var (stage, took) in stages)
        {
            Console.Error.WriteLine($"  {took.TotalSeconds,6:F1} s  {stage}");
            metrics[$"{stage} s"] = took.TotalSeconds;
        }

        Console.Error.WriteLine($"  total {total:F1} s, peak working set during training {peak / 1048576.0:F0} MB");
        return new BenchRow("train", "sample data (E-commerce)", $"train Default blend, 20,000 × 5,000 × {size:N0}", metrics, total);
    }
}
