using Dashboard.Application.Training;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Dashboard.Infrastructure.Jobs;

/// <summary>
/// What a blend's recurring job runs: it only queues a TrainModel run (requested by the blend's schedule),
/// so the training itself shows on the Jobs page like any other. A training still running is not doubled.
/// </summary>
public sealed class ScheduledTraining(ModelTrainingService training, ILogger<ScheduledTraining> logger)
{
    [AutomaticRetry(Attempts = 2)]
    [JobDisplayName("Scheduled training of blend {1}")]
    public async Task TriggerAsync(Guid tenantId, Guid blendId, CancellationToken cancellationToken)
    {
        var request = await training.TrainOnScheduleAsync(tenantId, blendId, cancellationToken);
        if (request is { Queued: false })
        {
            logger.LogInformation("Scheduled training of blend {BlendId} skipped: {Reason}", blendId, request.Message);
        }
    }
}
