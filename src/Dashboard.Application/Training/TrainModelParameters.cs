using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Training;

/// <summary>Train one blend.</summary>
/// <param name="BlendId">The blend to train.</param>
/// <param name="AfterJobRunId">A run (e.g. the demo's sample-data import) whose data the training must wait for; it starts once that run has finished.</param>
public sealed record TrainModelParameters(Guid BlendId, Guid? AfterJobRunId = null) : IJobParameters
{
    public static JobKind Kind => JobKind.TrainModel;
}
