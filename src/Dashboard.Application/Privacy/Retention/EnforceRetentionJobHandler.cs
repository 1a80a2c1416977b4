using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy.Retention;

/// <summary>
/// Deletes the organisation's interactions, recommendation feedback and served lists that happened before
/// now minus the retention period, oldest first, in batches of their own transaction, and records the counts on a
/// <see cref="RetentionRun"/> row as it goes — so an interrupted or failed run shows what it deleted, and the next run
/// simply deletes the rest (deleting what is older than a cutoff twice deletes nothing more). Models trained on the
/// deleted rows age out with the next training, which no longer reads them. No retention set: nothing is deleted.
/// </summary>
public sealed class EnforceRetentionJobHandler(ITenantDbContextFactory dbFactory, IAuditLog audit, TimeProvider time) : JobHandler<EnforceRetentionParameters>
{
    public override string Name => "Delete data past its retention";

    public override string RequiredPolicy => Policies.ManagePrivacy;

    public override Task<string> CleanUpInterruptedAsync(InterruptedJob job, CancellationToken cancellationToken) =>
        Task.FromResult("What it deleted before it stopped stays deleted (see the retention runs); the next run deletes the rest.");

    protected override async Task RunAsync(JobContext context, EnforceRetentionParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var ct = context.CancellationToken;
        RetentionRun run;
        await using (var db = dbFactory.CreateForTenant(context.TenantId))
        {
            var settings = await db.PrivacySettingsAsync(ct);
            if (settings.RetentionDays is not { } days)
            {
                context.Progress.Report(new JobProgress(100, "No retention period is set: interactions are kept, nothing was deleted."));
                return;
            }

            var now = time.GetUtcNow().UtcDateTime;
            run = new RetentionRun
            {
                Id = Guid.CreateVersion7(),
                TenantId = context.TenantId,
                JobRunId = context.JobRunId,
                RetentionDays = days,
                CutoffUtc = now.AddDays(-days),
                StartedAtUtc = now,
            };
            db.RetentionRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }

        var cutoff = run.CutoffUtc;
        context.Progress.Report(new JobProgress(0, $"Deleting interactions before {UtcText.Format(cutoff)}"));
        run.InteractionsDeleted = await DeleteInBatchesAsync(context, run, parameters.BatchSize, 0, 70,
            db => db.Interactions.Where(i => i.OccurredAtUtc < cutoff).OrderBy(i => i.OccurredAtUtc).ThenBy(i => i.Id).Select(i => i.Id),
            (db, ids) => db.Interactions.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct),
            (r, n) => r.InteractionsDeleted = n);
        run.FeedbackDeleted = await DeleteInBatchesAsync(context, run, parameters.BatchSize, 70, 85,
            db => db.RecommendationFeedback.Where(f => f.OccurredAtUtc < cutoff).OrderBy(f => f.OccurredAtUtc).ThenBy(f => f.Id).Select(f => f.Id),
            (db, ids) => db.RecommendationFeedback.Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync(ct),
            (r, n) => r.FeedbackDeleted = n);
        run.ServedListsDeleted = await DeleteInBatchesAsync(context, run, parameters.BatchSize, 85, 100,
            db => db.ServedRecommendations.Where(s => s.ServedAtUtc < cutoff).OrderBy(s => s.ServedAtUtc).ThenBy(s => s.Id).Select(s => s.Id),
            (db, ids) => db.ServedRecommendations.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(ct),
            (r, n) => r.ServedListsDeleted = n);

        await using (var db = dbFactory.CreateForTenant(context.TenantId))
        {
            var stored = await db.RetentionRuns.FirstAsync(r => r.Id == run.Id, ct);
            stored.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
            var summary = $"{run.InteractionsDeleted:N0} interactions, {run.FeedbackDeleted:N0} feedback events and {run.ServedListsDeleted:N0} served lists from before {UtcText.Format(cutoff)} ({run.RetentionDays} days)";
            audit.Record(db, context.TenantId, null, context.Caller.ActorName, AuditActions.RetentionEnforced, "Retention", null, summary);
            await db.SaveChangesAsync(ct);
            context.Progress.Report(new JobProgress(100, $"Deleted {summary}."));
        }
    }

    /// <summary>Deletes the rows <paramref name="oldest"/> selects, a batch per transaction, saving the running count on the run after each.</summary>
    private async Task<long> DeleteInBatchesAsync<TKey>(
        JobContext context,
        RetentionRun run,
        int batchSize,
        int fromPercent,
        int toPercent,
        Func<IAppDbContext, IQueryable<TKey>> oldest,
        Func<IAppDbContext, List<TKey>, Task<int>> delete,
        Action<RetentionRun, long> count)
    {
        var ct = context.CancellationToken;
        long total;
        await using (var db = dbFactory.CreateForTenant(context.TenantId))
        {
            total = await oldest(db).LongCountAsync(ct);
        }

        long deleted = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            await using var db = dbFactory.CreateForTenant(context.TenantId);
            var ids = await oldest(db).Take(batchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return deleted;
            }

            deleted += await delete(db, ids);
            var stored = await db.RetentionRuns.FirstAsync(r => r.Id == run.Id, ct);
            count(stored, deleted);
            await db.SaveChangesAsync(ct);
            var percent = fromPercent + (int)((toPercent - fromPercent - 1) * Math.Min(1.0, deleted / (double)Math.Max(1, total)));
            context.Progress.Report(new JobProgress(percent, $"Deleted {deleted:N0} of {total:N0}"));
        }
    }
}
