using System.Data.Common;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Infrastructure.Jobs;

/// <summary>
/// The one Hangfire entry point. Resolves the handler for the run's kind, keeps the JobRun row
/// (state, progress, error) up to date, and never retries on its own: a failure is shown on the Jobs
/// page with "run again", so nobody is surprised by a silent second attempt.
/// </summary>
public sealed class JobRunExecutor(
    ITenantDbContextFactory dbFactory,
    IEnumerable<IJobHandler> handlers,
    JobProgressRegistry registry,
    InterruptedJobRecovery recovery,
    TimeProvider time,
    ILogger<JobRunExecutor> logger)
{
    private static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(1);

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Dashboard job {1}")]
    public async Task ExecuteAsync(Guid tenantId, Guid jobRunId, CancellationToken cancellationToken)
    {
        string? parameters;
        string? requestedBy;
        JobKind kind;
        await using (var db = dbFactory.CreateForTenant(tenantId))
        {
            var run = await db.JobRuns.FirstOrDefaultAsync(j => j.Id == jobRunId, cancellationToken);
            if (run is { State: JobState.Running })
            {
                // Hangfire delivers a job again when the process running it died; its writes were rolled back.
                await recovery.FailInterruptedRunAsync(tenantId, jobRunId, cancellationToken);
                return;
            }

            if (run is null || run.State != JobState.Queued)
            {
                // Already ran (or was failed by start-up recovery): running it twice is never right.
                logger.LogWarning("Job run {JobRunId} is not queued; skipping.", jobRunId);
                return;
            }

            // Claim the run atomically: of two workers handed the same run, exactly one moves it on.
            var claimed = await db.JobRuns.Where(j => j.Id == jobRunId && j.State == JobState.Queued).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Running)
                .SetProperty(j => j.StartedAtUtc, time.GetUtcNow().UtcDateTime)
                .SetProperty(j => j.Message, "Starting"), cancellationToken);
            if (claimed != 1)
            {
                logger.LogWarning("Job run {JobRunId} was claimed by another worker; skipping.", jobRunId);
                return;
            }

            parameters = run.ParametersJson;
            requestedBy = run.RequestedBy;
            kind = run.Kind;
        }

        var handler = handlers.FirstOrDefault(h => h.Kind == kind);
        var progress = new LatestProgress(jobRunId, registry);
        using var runCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var persistCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var cancel = new CancelWatch(runCts);
        var persister = PersistProgressLoopAsync(tenantId, jobRunId, progress, cancel, persistCts.Token);
        Exception? failure = null;
        try
        {
            if (handler is null)
            {
                throw new InvalidOperationException($"No handler is registered for job kind {kind}.");
            }

            var caller = CallerContext.ForJob(tenantId, handler.Name, requestedBy ?? "unknown", handler.RequiredPolicy);
            await handler.RunAsync(new JobContext(jobRunId, caller, parameters, progress, runCts.Token));
        }
#pragma warning disable CA1031 // Any failure of a job must end up on its JobRun row, whatever its type.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
            if (cancel.RequestedBy is not null && ex is OperationCanceledException)
            {
                logger.LogInformation("Job run {JobRunId} ({Kind}) was cancelled on request.", jobRunId, kind);
            }
            else if (IsRefusedInput(ex))
            {
                // A refused file or out-of-range option is the user's input, not a fault of the app: the
                // reason is on the run for them, and a stack trace would only bury real errors in the log.
                logger.LogInformation("Job run {JobRunId} ({Kind}) refused its input: {Reason}", jobRunId, kind, ex.Message);
            }
            else
            {
                logger.LogError(ex, "Job run {JobRunId} ({Kind}) failed.", jobRunId, kind);
            }
        }
        finally
        {
            await persistCts.CancelAsync();
            await persister;
        }

        await using (var db = dbFactory.CreateForTenant(tenantId))
        {
            var run = await db.JobRuns.FirstAsync(j => j.Id == jobRunId, CancellationToken.None);
            run.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
            if (failure is null)
            {
                run.State = JobState.Succeeded;
                run.Progress = 100;
                run.Message = progress.Latest.Message is { Length: > 0 } m ? Truncate(m, JobRun.MessageMaxLength) : "Done";
            }
            else if (cancel.RequestedBy is { } by && failure is OperationCanceledException)
            {
                run.State = JobState.Cancelled;
                run.Message = Truncate($"Cancelled by {by} — nothing was changed", JobRun.MessageMaxLength);
            }
            else
            {
                run.State = JobState.Failed;
                run.Message = "Failed — nothing was changed";
                run.Error = Truncate(ErrorText(failure, jobRunId), JobRun.ErrorMaxLength);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        registry.Remove(jobRunId);
    }

    /// <summary>
    /// Once a second: reads whether someone asked to cancel the run (on any node) and writes the latest progress
    /// when it changed.
    /// </summary>
    private async Task PersistProgressLoopAsync(Guid tenantId, Guid jobRunId, LatestProgress progress, CancelWatch cancel, CancellationToken cancellationToken)
    {
        var written = -1;
        using var timer = new PeriodicTimer(PersistEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (cancel.RequestedBy is null)
                {
                    try
                    {
                        await using var db = dbFactory.CreateForTenant(tenantId);
                        var by = await db.JobRuns.AsNoTracking().Where(j => j.Id == jobRunId && j.CancelRequestedAtUtc != null)
                            .Select(j => j.CancelRequestedBy ?? "someone").FirstOrDefaultAsync(cancellationToken);
                        if (by is not null)
                        {
                            await cancel.RequestAsync(by);
                        }
                    }
                    catch (DbException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        logger.LogDebug(ex, "Cancel request of job run {JobRunId} not read this tick.", jobRunId);
                    }
                }

                var latest = progress.Latest;
                if (latest.Percent == written)
                {
                    continue;
                }

                try
                {
                    await using var db = dbFactory.CreateForTenant(tenantId);
                    await db.JobRuns.Where(j => j.Id == jobRunId).ExecuteUpdateAsync(
                        s => s.SetProperty(j => j.Progress, latest.Percent).SetProperty(j => j.Message, Truncate(latest.Message, JobRun.MessageMaxLength)),
                        cancellationToken);
                    written = latest.Percent;
                }
                catch (DbException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // SQLite: the job's own write transaction holds the lock; the live value is in the registry.
                    logger.LogDebug(ex, "Progress of job run {JobRunId} not persisted this tick.", jobRunId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// What the Jobs page shows. Messages written for people (bad input, refused imports) are shown as
    /// they are; anything else may carry server paths or driver internals, so it stays in the log.
    /// </summary>
    private static string ErrorText(Exception failure, Guid jobRunId) => failure switch
    {
        OperationCanceledException => "The job was cancelled (the app was stopping).",
        System.ComponentModel.DataAnnotations.ValidationException or ImportInputException or ImportRejectedException
            or NotFoundException or ForbiddenAccessException => failure.Message,
        _ => $"The job stopped on an unexpected error; nothing was changed. Operators can find the details in the server log under job run {jobRunId}.",
    };

    private static bool IsRefusedInput(Exception failure) =>
        failure is System.ComponentModel.DataAnnotations.ValidationException or ImportInputException or ImportRejectedException;

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    /// <summary>Who asked to cancel the run (null until someone did), and the source that stops the handler.</summary>
    private sealed class CancelWatch(CancellationTokenSource run)
    {
        private volatile string? _requestedBy;

        public string? RequestedBy => _requestedBy;

        public Task RequestAsync(string by)
        {
            _requestedBy = by;
            return run.CancelAsync();
        }
    }

    /// <summary>Keeps only the newest report; cheap enough to call per batch from a hot loop.</summary>
    private sealed class LatestProgress(Guid jobRunId, JobProgressRegistry registry) : IProgress<JobProgress>
    {
        private readonly Lock _gate = new();
        private JobProgress _latest = new(0, "Starting");

        public JobProgress Latest
        {
            get
            {
                lock (_gate)
                {
                    return _latest;
                }
            }
        }

        public void Report(JobProgress value)
        {
            var clamped = value with { Percent = Math.Clamp(value.Percent, 0, 100) };
            lock (_gate)
            {
                _latest = clamped;
            }

            registry.Set(jobRunId, clamped);
        }
    }
}
