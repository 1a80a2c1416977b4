using Dashboard.Application.Privacy.Retention;
using Hangfire;

namespace Dashboard.Infrastructure.Jobs;

/// <inheritdoc />
internal sealed class HangfireRetentionSchedules(IRecurringJobManager recurring) : IRetentionSchedules
{
    /// <summary>Every day at 02:30 UTC, a quiet hour for most shops.</summary>
    public const string DailyCron = "30 2 * * *";

    public static string RecurringJobId(Guid tenantId) => $"retention-{tenantId:N}";

    public void Apply(Guid tenantId, bool enabled)
    {
        if (!enabled)
        {
            recurring.RemoveIfExists(RecurringJobId(tenantId));
            return;
        }

        // Only ids cross into Hangfire's storage: its dashboard must not reveal tenant data.
        recurring.AddOrUpdate<ScheduledRetention>(
            RecurringJobId(tenantId), x => x.TriggerAsync(tenantId, CancellationToken.None), DailyCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }
}
