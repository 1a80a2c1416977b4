using System.Diagnostics;
using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Team;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Privacy;
using Dashboard.Infrastructure.Identity;
using Dashboard.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Bench;

/// <summary>
/// The e-mail campaign export on a SQLite tenant of 100,000 end-users × 5,000 items × N interactions (default 1,000,000)
/// with the Default blend trained, audited and active: every end-user granted Marketing messages, a running e-mail
/// campaign over a segment of everyone with an A/B split (two arms, 50 / 50) and lists of 10 — so 1,000,000 rows. Times
/// the export job's handler from start to its recorded export, and each of its stages: the snapshot (segment, consents,
/// models), the lists streamed into the upload store, and the transaction that logs 100,000 served lists.
/// </summary>
internal static class CampaignExportTask
{
    private const int Users = 100_000;
    private const int ListSize = 10;

    public static Task<IReadOnlyList<BenchRow>> RunAsync(BenchOptions options) =>
        BenchHost.PerSizeAsync("campaign-export", options.Sizes, RunOneAsync);

    private static async Task<BenchRow> RunOneAsync(string folder, int size)
    {
        using var host = await BenchHost.StartAsync(folder);
        var tenantId = (await host.Services.GetRequiredService<IIdentityService>().RegisterOrganisationAsync("Bench", "bench@example.test", "correct-horse-battery-7")).TenantId;
        var dbFactory = host.Services.GetRequiredService<ITenantDbContextFactory>();

        var setup = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var sample = new SampleDataOptions { Users = Users, Items = 5_000, Interactions = size, Days = 180, Seed = 42 };
            await scope.ServiceProvider.GetRequiredService<SampleDataImport>().RunAsync(
                tenantId, SampleCatalogTemplate.Retail, sample, new InlineProgress<JobProgress>(_ => { }), CancellationToken.None);
        }

        Console.Error.WriteLine($"sample data: {size:N0} interactions in {setup.Elapsed.TotalSeconds:F1} s");
        var blendId = await TrainAsync(host, dbFactory, tenantId);
        Console.Error.WriteLine($"trained, audited and activated after {setup.Elapsed.TotalSeconds:F1} s");
        var campaignId = await SeedCampaignAsync(dbFactory, tenantId, blendId);
        Console.Error.WriteLine($"campaign and consents after {setup.Elapsed.TotalSeconds:F1} s");

        Guid runId;
        await using (var db = dbFactory.CreateForTenant(tenantId))
        await using (var scope = host.Services.CreateAsyncScope())
        {
            runId = scope.ServiceProvider.GetRequiredService<IJobScheduler>().Enqueue(db, new CampaignExportParameters(campaignId), CallerContext.ForSystem(tenantId, "bench")).Id;
            await db.SaveChangesAsync();
        }

        var stages = new StageClock();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == JobKind.ExportCampaign);
            var caller = CallerContext.ForJob(tenantId, handler.Name, "bench", handler.RequiredPolicy);
            await handler.RunAsync(new JobContext(runId, caller, JobParameters.Write(new CampaignExportParameters(campaignId)), stages, CancellationToken.None));
        }

        var total = stages.Elapsed;
        await using (var db = dbFactory.CreateForTenant(tenantId))
        {
            var export = await db.CampaignExports.AsNoTracking().SingleAsync();
            var served = await db.ServedRecommendations.CountAsync(s => s.CampaignId == campaignId);
            var metrics = new Dictionary<string, double>
            {
                ["end-users"] = export.EndUserCount,
                ["rows"] = export.RowCount,
                ["MB"] = Math.Round(export.SizeBytes / 1_048_576.0, 1),
                ["served lists"] = served,
                ["snapshot s"] = stages.Snapshot,
                ["lists + file s"] = stages.File,
                ["record s"] = stages.Record,
                ["total s"] = total,
            };
            foreach (var (name, value) in metrics)
            {
                Console.Error.WriteLine($"  {name,-15} {value:N2}");
            }

            return new BenchRow("campaign-export", "sample data (E-commerce)", $"e-mail export, {Users:N0} end-users × {ListSize} items, 2 arms, 100,000 × 5,000 × {size:N0}", metrics, total);
        }
    }

    private static async Task<Guid> TrainAsync(IHost host, ITenantDbContextFactory dbFactory, Guid tenantId)
    {
        Guid blendId;
        Guid trainRun;
        await using (var db = dbFactory.CreateForTenant(tenantId))
        await using (var scope = host.Services.CreateAsyncScope())
        {
            blendId = await db.Blends.Where(b => b.Name == BlendDefaults.DefaultBlendName).Select(b => b.Id).SingleAsync();
            trainRun = scope.ServiceProvider.GetRequiredService<IJobScheduler>().Enqueue(db, new TrainModelParameters(blendId), CallerContext.ForSystem(tenantId, "bench")).Id;
            await db.SaveChangesAsync();
        }

        await ExecuteAsync(host, tenantId, trainRun);
        // The training queues the version's bias audit; a cleared version is activated when the audit ends.
        List<Guid> audits;
        await using (var db = dbFactory.CreateForTenant(tenantId))
        {
            audits = await db.JobRuns.Where(j => j.Kind == JobKind.AuditModel && j.State == JobState.Queued).Select(j => j.Id).ToListAsync();
        }

        foreach (var audit in audits)
        {
            await ExecuteAsync(host, tenantId, audit);
        }

        await using (var db = dbFactory.CreateForTenant(tenantId))
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var blend = await db.Blends.SingleAsync(b => b.Id == blendId);
            if (blend.ActiveVersionId is null)
            {
                // The generated data's sensitive groups can fail a blocking audit threshold; the demo has a compliance
                // officer approve it, and so does the bench: what is timed is the export, not the review.
                var version = await db.ModelVersions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(v => v.BlendId == blendId)
                    ?? throw new InvalidOperationException("The training wrote no version: " + await db.JobRuns.Where(j => j.State == JobState.Failed).Select(j => j.Error).FirstOrDefaultAsync());
                version.Review = ReleaseReview.Approved;
                var activated = await scope.ServiceProvider.GetRequiredService<ModelActivation>().ActivateAsync(
                    db, blend, version, CallerContext.ForSystem(tenantId, "bench"), AuditActions.ModelVersionActivated, CancellationToken.None);
                await db.SaveChangesAsync();
                Console.Error.WriteLine($"version {version.Number} approved for the bench and activated: {(activated.Succeeded ? "yes" : string.Join(" ", activated.Errors))}");
            }
        }

        return blendId;
    }

    private static async Task ExecuteAsync(IHost host, Guid tenantId, Guid runId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JobRunExecutor>().ExecuteAsync(tenantId, runId, CancellationToken.None);
    }

    private static async Task<Guid> SeedCampaignAsync(ITenantDbContextFactory dbFactory, Guid tenantId, Guid blendId)
    {
        var now = DateTime.UtcNow;
        await using var db = dbFactory.CreateForTenant(tenantId);
        var users = await db.EndUsers.Select(u => u.Id).ToListAsync();
        db.ConsentRecords.AddRange(users.Select(u => new ConsentRecord
        {
            EndUserId = u, Purpose = ConsentPurpose.MarketingMessages, Granted = true, OccurredAtUtc = now.AddHours(-1), RecordedAtUtc = now, Source = "bench",
        }));
        var segment = new Segment { Id = Guid.NewGuid(), Name = "Everyone", DefinitionJson = SegmentDefinition.Everyone.ToJson(), CreatedAtUtc = now, UpdatedAtUtc = now };
        var campaign = new Campaign
        {
            Id = Guid.NewGuid(),
            Name = "Bench newsletter",
            Channel = CampaignChannel.Email,
            SegmentId = segment.Id,
            RulesJson = CampaignRules.None.ToJson(),
            ListSize = ListSize,
            StartsAtUtc = now.AddDays(-1),
            State = CampaignState.Running,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            Arms =
            [
                new CampaignArm { Id = Guid.NewGuid(), Name = "A", BlendId = blendId, SharePercent = 50, Position = 0 },
                new CampaignArm { Id = Guid.NewGuid(), Name = "B", BlendId = blendId, SharePercent = 50, Position = 1 },
            ],
        };
        db.Segments.Add(segment);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    /// <summary>The handler's progress, as the seconds at which each of its stages began (reported synchronously on its thread).</summary>
    private sealed class StageClock : IProgress<JobProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double? _writing;
        private double? _recording;

        public double Elapsed => _clock.Elapsed.TotalSeconds;

        public double Snapshot => _writing ?? 0;

        public double File => (_recording ?? 0) - Snapshot;

        public double Record => Elapsed - (_recording ?? 0);

        public void Report(JobProgress value)
        {
            if (value.Message.StartsWith("Writing the lists", StringComparison.Ordinal))
            {
                _writing ??= Elapsed;
            }
            else if (value.Message.StartsWith("Recording", StringComparison.Ordinal))
            {
                _recording ??= Elapsed;
            }
        }
    }
}
