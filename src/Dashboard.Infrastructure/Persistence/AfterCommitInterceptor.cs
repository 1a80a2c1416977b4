using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Tells a <see cref="DashboardDbContext"/> when one of its transactions ends, so the work it holds
/// back until commit (<see cref="DashboardDbContext.AfterCommit"/>) runs after a commit and is dropped
/// after a rollback.
/// </summary>
internal sealed class AfterCommitInterceptor : DbTransactionInterceptor
{
    public static readonly AfterCommitInterceptor Instance = new();

    private AfterCommitInterceptor()
    {
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        // Only the asynchronous commit can run the held-back work; refuse before anything is committed.
        if (eventData.Context is DashboardDbContext db && db.HasWorkAfterCommit(eventData.TransactionId))
        {
            throw new InvalidOperationException("A transaction with work to run after commit must be committed with CommitAsync.");
        }

        return result;
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DashboardDbContext db)
        {
            await db.TransactionCommittedAsync(eventData.TransactionId);
        }
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is DashboardDbContext db)
        {
            db.TransactionRolledBack(eventData.TransactionId);
        }
    }
}
