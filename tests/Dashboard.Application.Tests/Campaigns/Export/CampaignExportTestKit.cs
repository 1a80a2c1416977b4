using System.Text;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.Jobs;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Tests.Training;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Campaigns.Export;

/// <summary>
/// An organisation with the small sample data set and a trained, active Default blend, and helpers to add an e-mail
/// campaign (inserted directly: the campaign service is not what these tests are about), grant consents and run exports.
/// </summary>
internal static class CampaignExportTestKit
{
    public static async Task<(TestHost Host, CallerContext Admin, Guid BlendId)> StartTrainedAsync()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync();
        await TrainingTestKit.TrainAsync(host, admin.TenantId, blendId);

        // The tests choose who allows marketing messages, so the sample data's own newsletter opt-ins go first.
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await db.ConsentRecords.Where(c => c.Purpose == ConsentPurpose.MarketingMessages).ExecuteDeleteAsync();
        }

        host.Services.GetRequiredService<Dashboard.Application.Privacy.IConsentGate>().ConsentChanged(admin.TenantId);
        return (host, admin, blendId);
    }

    /// <summary>A running e-mail campaign over a segment of everyone, with one arm per (name, share) on <paramref name="blendId"/>.</summary>
    public static async Task<Guid> AddCampaignAsync(
        TestHost host, Guid tenantId, Guid? blendId, CampaignChannel channel = CampaignChannel.Email, CampaignState state = CampaignState.Running,
        int listSize = 5, params (string Name, int Share)[] arms)
    {
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using var db = host.CreateTenantContext(tenantId);
        var segment = new Segment { Id = Guid.NewGuid(), Name = $"Everyone {Guid.NewGuid():N}"[..20], DefinitionJson = SegmentDefinition.Everyone.ToJson(), CreatedAtUtc = now, UpdatedAtUtc = now };
        var campaign = new Campaign
        {
            Id = Guid.NewGuid(),
            Name = "Spring newsletter",
            Goal = CampaignGoal.Clicks,
            Channel = channel,
            SegmentId = segment.Id,
            RulesJson = CampaignRules.None.ToJson(),
            ListSize = listSize,
            StartsAtUtc = now.AddDays(-1),
            State = state,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        var position = 0;
        foreach (var (name, share) in arms.Length > 0 ? arms : [("A", 100)])
        {
            campaign.Arms.Add(new CampaignArm { Id = Guid.NewGuid(), Name = name, BlendId = blendId, SharePercent = share, Position = position++ });
        }

        db.Segments.Add(segment);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    /// <summary>Records Marketing messages consent (granted or withdrawn, a minute before now) for each end-user by stored id; returns their ids.</summary>
    public static async Task<List<string>> MarketingConsentAsync(TestHost host, Guid tenantId, bool granted, IEnumerable<string> storedIds)
    {
        var at = host.Time.GetUtcNow().UtcDateTime.AddMinutes(-1);
        var ids = storedIds.ToList();
        await using var db = host.CreateTenantContext(tenantId);
        var users = await db.EndUsers.Where(u => ids.Contains(u.ExternalId)).Select(u => u.Id).ToListAsync();
        foreach (var user in users)
        {
            db.ConsentRecords.Add(new ConsentRecord { EndUserId = user, Purpose = ConsentPurpose.MarketingMessages, Granted = granted, OccurredAtUtc = at, RecordedAtUtc = at, Source = "test" });
        }

        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>The first <paramref name="count"/> end-users' stored ids, by database id.</summary>
    public static async Task<List<string>> EndUsersAsync(TestHost host, Guid tenantId, int count)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.EndUsers.OrderBy(u => u.Id).Take(count).Select(u => u.ExternalId).ToListAsync();
    }

    /// <summary>Queues an export and runs the handler directly with <paramref name="progress"/>, the way the job server would with its own.</summary>
    public static async Task<Guid> RunAsync(TestHost host, Guid tenantId, Guid campaignId, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var runId = await host.QueueJobAsync(tenantId, new CampaignExportParameters(campaignId), "marketer@example.test");
        await using var scope = host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == CampaignExportParameters.Kind);
        var caller = CallerContext.ForJob(tenantId, handler.Name, "marketer@example.test", Policies.ManageBlendsAndCampaigns);
        await handler.RunAsync(new JobContext(runId, caller, JobParameters.Write(new CampaignExportParameters(campaignId)),
            progress ?? new Progress<JobProgress>(), cancellationToken));
        return runId;
    }

    /// <summary>The file of the campaign's only export, as text without its byte-order mark.</summary>
    public static async Task<(CampaignExport Export, string Text)> OnlyExportAsync(TestHost host, Guid tenantId, Guid campaignId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var export = await db.CampaignExports.AsNoTracking().SingleAsync(e => e.CampaignId == campaignId);
        await using var file = await host.Services.GetRequiredService<IUploadStore>().OpenReadAsync(tenantId, export.StoredName, CancellationToken.None);
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return (export, await reader.ReadToEndAsync());
    }

    /// <summary>The data rows of an export file, each split at its commas (test data has no quoted cells).</summary>
    public static List<string[]> Rows(string text) =>
        [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(','))];

    /// <summary>Every file the local upload store holds for any tenant of the host.</summary>
    public static int StoredFiles(TestHost host) =>
        Directory.Exists(Path.Combine(host.ContentRoot, "data", "uploads"))
            ? Directory.EnumerateFiles(Path.Combine(host.ContentRoot, "data", "uploads"), "*", SearchOption.AllDirectories).Count()
            : 0;

    /// <summary>Calls <paramref name="action"/> once, on the first report whose message starts with <paramref name="prefix"/>, synchronously on the job's thread.</summary>
    public sealed class HookedProgress(string prefix, Func<Task> action) : IProgress<JobProgress>
    {
        private bool _done;

        public void Report(JobProgress value)
        {
            if (!_done && value.Message.StartsWith(prefix, StringComparison.Ordinal))
            {
                _done = true;
                // Progress is reported synchronously on the job's thread: the change lands before the job goes on.
                action().GetAwaiter().GetResult();
            }
        }
    }
}
