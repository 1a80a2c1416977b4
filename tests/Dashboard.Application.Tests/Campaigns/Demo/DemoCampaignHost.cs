using System.Diagnostics;
using System.Globalization;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Campaigns.Demo;

/// <summary>
/// A demo organisation taken from its first start to its running campaign the way the app's background service does —
/// jobs run in queue order, the seeded history and then the campaign advanced between them — plus another organisation
/// registered afterwards. Built once per test class: the trainings and audits take seconds.
/// </summary>
public sealed class DemoCampaignHost : IAsyncLifetime
{
    private const int MaxRounds = 10;

    private TestHost? _host;

    internal TestHost Host => _host!;

    public Guid TenantId { get; private set; }

    public Guid OtherTenantId { get; private set; }

    /// <summary>Every step the campaign reported, in order, until it was seeded.</summary>
    public List<DemoCampaignStep> Steps { get; } = [];

    /// <summary>How long the step that wrote the segment, campaign and simulated feedback took.</summary>
    public TimeSpan SeedTime { get; private set; }

    /// <summary>The sample data to start from; a class fixture uses the parameterless constructor.</summary>
    public SampleDataOptions Data { get; init; } = new() { Users = 800, Items = 60, Interactions = 40_000, Days = 90, Seed = 5 };

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",

            // As the app logs (appsettings.json), so the time measured is the app's, not the console's.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Demo:SampleData:Users"] = Data.Users.ToString(CultureInfo.InvariantCulture),
            ["Demo:SampleData:Items"] = Data.Items.ToString(CultureInfo.InvariantCulture),
            ["Demo:SampleData:Interactions"] = Data.Interactions.ToString(CultureInfo.InvariantCulture),
            ["Demo:SampleData:Days"] = Data.Days.ToString(CultureInfo.InvariantCulture),
            ["Demo:SampleData:Seed"] = Data.Seed.ToString(CultureInfo.InvariantCulture),
        });
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        await using (var unbound = Host.CreateUnboundContext())
        {
            TenantId = await unbound.Tenants.Select(t => t.Id).SingleAsync();
        }

        OtherTenantId = (await Host.RegisterOrganisationAsync("Other Organisation", "admin@other.test")).TenantId;
        for (var round = 0; round < MaxRounds; round++)
        {
            await RunAllQueuedAsync();
            var history = await AdvanceHistoryAsync();
            if (history is not (DemoHistoryStep.Done or DemoHistoryStep.SecondTrainingQueued))
            {
                continue;
            }

            var clock = Stopwatch.StartNew();
            var step = await AdvanceCampaignAsync();
            Steps.Add(step);
            if (step == DemoCampaignStep.CampaignSeeded)
            {
                SeedTime = clock.Elapsed;
                return;
            }
        }

        throw new InvalidOperationException("The demo campaign was not seeded: " + string.Join(", ", Steps));
    }

    public async Task<DemoCampaignStep> AdvanceCampaignAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoCampaign>().AdvanceAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<DemoHistoryStep> AdvanceHistoryAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoHistory>().AdvanceAsync();
    }

    /// <summary>Runs queued jobs oldest first until none is left, as the job server would.</summary>
    private async Task RunAllQueuedAsync()
    {
        while (true)
        {
            Guid? next;
            await using (var db = Host.CreateTenantContext(TenantId))
            {
                next = await db.JobRuns.AsNoTracking().Where(j => j.State == JobState.Queued)
                    .OrderBy(j => j.QueuedAtUtc).ThenBy(j => j.Id).Select(j => (Guid?)j.Id).FirstOrDefaultAsync();
            }

            if (next is not { } id)
            {
                return;
            }

            await ExecuteAsync(Host, TenantId, id);
        }
    }
}
