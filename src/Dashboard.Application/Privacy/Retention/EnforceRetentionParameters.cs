using System.ComponentModel.DataAnnotations;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Privacy.Retention;

/// <summary>Delete what is older than the organisation's retention period (read when the run starts, not when it was queued).</summary>
/// <param name="BatchSize">Rows deleted per transaction, so a large first run never holds one long lock.</param>
public sealed record EnforceRetentionParameters([property: Range(1, 100_000)] int BatchSize = EnforceRetentionParameters.DefaultBatchSize) : IJobParameters
{
    public const int DefaultBatchSize = 5_000;

    public static JobKind Kind => JobKind.EnforceRetention;
}
