using System.Diagnostics;
using Dashboard.Application;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Erasure;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Team;
using Dashboard.Application.Training;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure;
using Dashboard.Infrastructure.Identity;
using Dashboard.Infrastructure.Jobs;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Bench;

/// <summary>
/// Erasure on a sample tenant of 100,000 end-users × 5,000 items × N interactions (default 1,000,000) with a trained,
/// active Default blend: after one served list per erased end-user, times <see cref="ErasureService.EraseAsync"/> —
/// the row deletion in one transaction, the rewrite of the stored model version, the swap of the served model and the
/// receipt; the retraining it queues is not run — for several end-users, one after another.
/// </summary>
internal static class EraseTask
{
    private const int Erasures = 5;

    public static Task<IReadOnlyList<BenchRow>> RunAsync(BenchOptions options) =>
        BenchHost.PerSizeAsync("erase", options.Sizes, RunOneAsync);

    private static async Task<BenchRow> RunOneAsync(string folder, int size)
    {
        CallerContext? officer = null;
        using var host = await BenchHost.StartAsync(folder, s => s.AddSingleton<ICurrentUser>(_ => new BenchCurrentUser(officer!)));

        var registered = await host.Services.GetRequiredService<IIdentityService>().RegisterOrganisationAsync("Bench", "bench@example.test", "correct-horse-battery-7");
        var tenantId = registered.TenantId;
        officer = new CallerContext(registered.UserId!, "officer@example.test", tenantId, "Bench", new HashSet<string> { Roles.ComplianceOfficer });

        var generate = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var sample = new SampleDataOptions { Users = 100_000, Items = 5_000, Interactions = size, Days = 180, Seed = 42 };
            await scope.ServiceProvider.GetRequiredService<SampleDataImport>().RunAsync(
                tenantId, SampleCatalogTemplate.Retail, sample, new InlineProgress<JobProgress>(_ => { }), CancellationToken.None);
        }

        Console.Error.WriteLine($"sample data: {size:N0} interactions written in {generate.Elapsed.TotalSeconds:F1} s");

        Guid runId;
        List<string> victims;
        await using (var db = host.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId))
        {
            var blendId = await db.Blends.Where(b => b.Name == BlendDefaults.DefaultBlendName).Select(b => b.Id).SingleAsync();
            await using var scope = host.Services.CreateAsyncScope();
            runId = scope.ServiceProvider.GetRequiredService<IJobScheduler>().Enqueue(db, new TrainModelParameters(blendId), CallerContext.ForSystem(tenantId, "bench")).Id;
            await db.SaveChangesAsync();

            // The most active end-users: the erasures with the most rows to delete.
            var busiest = await db.Interactions.GroupBy(i => i.EndUserId).Select(g => new { g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count).Take(Erasures).Select(g => g.Key).ToListAsync();
            victims = await db.EndUsers.Where(u => busiest.Contains(u.Id)).Select(u => u.ExternalId).ToListAsync();
        }

        var train = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobRunExecutor>().ExecuteAsync(tenantId, runId, CancellationToken.None);
        }

        await using (var db = host.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId))
        {
            var run = await db.JobRuns.AsNoTracking().SingleAsync(j => j.Id == runId);
            if (run.State != JobState.Succeeded)
            {
                throw new InvalidOperationException($"The training failed: {run.Error}");
            }
        }

        Console.Error.WriteLine($"training: {train.Elapsed.TotalSeconds:F1} s");
        var serving = host.Services.GetRequiredService<RecommendationServingService>();
        foreach (var id in victims)
        {
            await serving.RecommendAsync(tenantId, id, 10, null, []);
        }

        await host.Services.GetRequiredService<ServedRecommendationLog>().FlushAsync(CancellationToken.None);

        var seconds = new List<double>();
        foreach (var id in victims)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            var receipt = await scope.ServiceProvider.GetRequiredService<ErasureService>().EraseAsync(id, PrivacyRequests.PageChannel);
            seconds.Add(clock.Elapsed.TotalSeconds);
            Console.Error.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F2} s  {receipt.Reference}: {receipt.Outcome}");
        }

        var metrics = new Dictionary<string, double>
        {
            ["erasures"] = seconds.Count,
            ["mean s"] = seconds.Average(),
            ["max s"] = seconds.Max(),
            ["first s"] = seconds[0],
        };
        return new BenchRow("erase", "sample data (E-commerce)", $"erase one end-user, 100,000 × 5,000 × {size:N0}, trained Default blend", metrics, seconds.Max());
    }
}
