using Dashboard.Application.Common;
using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Jobs;

/// <summary>
/// A handler whose parameters are <typeparamref name="TParameters"/>: reads and validates them from the
/// run's stored JSON (a bad value fails the run with the validation message), and takes its kind from them.
/// </summary>
public abstract class JobHandler<TParameters> : IJobHandler
    where TParameters : class, IJobParameters
{
    public JobKind Kind => TParameters.Kind;

    public abstract string Name { get; }

    public abstract string RequiredPolicy { get; }

    public virtual bool CanRunAgain => true;

    public Task RunAsync(JobContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(context, JobParameters.Read<TParameters>(context.ParametersJson));
    }

    public abstract Task<string> CleanUpInterruptedAsync(InterruptedJob job, CancellationToken cancellationToken);

    public Task<ReplacedData> WhatRunReplacesAsync(IAppDbContext db, string? parametersJson, CancellationToken cancellationToken) =>
        WhatRunReplacesAsync(db, JobParameters.Read<TParameters>(parametersJson), cancellationToken);

    protected abstract Task RunAsync(JobContext context, TParameters parameters);

    /// <summary>Work that replaces data says what; by default a job only adds.</summary>
    protected virtual Task<ReplacedData> WhatRunReplacesAsync(IAppDbContext db, TParameters parameters, CancellationToken cancellationToken) =>
        Task.FromResult(ReplacedData.Nothing);
}
