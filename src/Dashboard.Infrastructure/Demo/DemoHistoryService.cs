using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Infrastructure.Demo;

/// <summary>
/// Moves the demo's seeded history (<see cref="DemoHistory"/>) and then its running campaign (<see cref="DemoCampaign"/>)
/// on while the app runs jobs: it checks every few seconds until both are complete, and again after every restart, so
/// an interrupted set-up resumes.
/// </summary>
public sealed class DemoHistoryService(IServiceScopeFactory scopes, TimeProvider time, ILogger<DemoHistoryService> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var step = await scope.ServiceProvider.GetRequiredService<DemoHistory>().AdvanceAsync(stoppingToken);
                if (step is DemoHistoryStep.NoDemo or DemoHistoryStep.Stopped)
                {
                    return;
                }

                // The campaign compares "Default" with a second blend, so it follows once the history has put Default live.
                if (step is DemoHistoryStep.Done or DemoHistoryStep.SecondTrainingQueued
                    && await scope.ServiceProvider.GetRequiredService<DemoCampaign>().AdvanceAsync(stoppingToken)
                        is DemoCampaignStep.NoDemo or DemoCampaignStep.CampaignSeeded or DemoCampaignStep.Done or DemoCampaignStep.Stopped)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy database answers on a later tick; the step is read from the database again then.
                logger.LogWarning(ex, "Demo history: a step failed; trying again shortly.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
