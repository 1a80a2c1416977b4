using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Fairness;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Training;
using Dashboard.Domain.Blends;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Fairness;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Fairness;

/// <summary>
/// Organisations whose data the bias audit must judge: generated sample data (fixed seed) with its planted bias
/// (region North buys Electronics at 30 % of the rate its tastes imply), or the same data made balanced by dealing
/// the region labels out again at random, so the biased end-users are spread evenly over every region.
/// </summary>
internal static class BiasAuditTestKit
{
    public static readonly SampleDataOptions Data = new() { Users = 800, Items = 60, Interactions = 40_000, Days = 90, Seed = 5 };

    public static async Task<(TestHost Host, CallerContext Admin, Guid BlendId)> ShopAsync(bool balanced = false, Action<IServiceCollection>? configure = null)
    {
        var host = await TestHost.StartAsync(configure);
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        var sample = await host.QueueJobAsync(admin.TenantId, Data);
        await ExecuteAsync(host, admin.TenantId, sample);
        if (balanced)
        {
            await ShuffleRegionsAsync(host, admin.TenantId, seed: 17);
        }

        await using var db = host.CreateTenantContext(admin.TenantId);
        var blendId = await db.Blends.Where(b => b.Name == BlendDefaults.DefaultBlendName).Select(b => b.Id).SingleAsync();
        return (host, admin, blendId);
    }

    public static CallerContext As(CallerContext admin, string role) => TestHost.As(admin, role);

    public static async Task<List<BiasAudit>> AuditsAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.BiasAudits.AsNoTracking().OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id).ToListAsync();
    }

    public static async Task<ModelVersion> VersionAsync(TestHost host, Guid tenantId, int number)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.ModelVersions.AsNoTracking().SingleAsync(v => v.Number == number);
    }

    /// <summary>"Audit again" as the current caller, then the queued audit to its end.</summary>
    public static async Task<JobRun> AuditAgainAsync(TestHost host, Guid tenantId, Guid versionId)
    {
        var result = await host.InScopeAsync<BiasAuditRequests, Result>(s => s.RequestAsync(versionId));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return Assert.Single(await RunQueuedAsync(host, tenantId, JobKind.AuditModel));
    }

    /// <summary>Saves the thresholds as a compliance officer, changed by <paramref name="change"/>.</summary>
    public static async Task SetThresholdsAsync(TestHost host, CallerContext admin, Func<FairnessSettingsView, FairnessSettingsView> change)
    {
        var before = host.CurrentUser.Caller;
        host.CurrentUser.Caller = As(admin, Roles.ComplianceOfficer);
        var view = await host.InScopeAsync<FairnessSettingsService, FairnessSettingsView>(s => s.GetAsync());
        var saved = await host.InScopeAsync<FairnessSettingsService, Dashboard.Application.Privacy.PrivacySaveResult>(s => s.SaveAsync(change(view)));
        Assert.True(saved.Succeeded, string.Join(" ", saved.Problems.Select(p => p.Message)));
        host.CurrentUser.Caller = before;
    }

    /// <summary>Deals the stored (encrypted) region values out again among the end-users in a seeded random order.</summary>
    private static async Task ShuffleRegionsAsync(TestHost host, Guid tenantId, int seed)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var rows = await db.EndUserAttributes.Where(a => a.Key == SampleAttributeKeys.Region).OrderBy(a => a.EndUserId).ToListAsync();
        var values = rows.Select(r => r.Value).ToArray();
        new Random(seed).Shuffle(values);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Value = values[i];
        }

        await db.SaveChangesAsync();
    }
}
