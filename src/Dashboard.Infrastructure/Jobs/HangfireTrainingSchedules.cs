using Dashboard.Application.Blends;
using Hangfire;

namespace Dashboard.Infrastructure.Jobs;

/// <inheritdoc />
internal sealed class HangfireTrainingSchedules(IRecurringJobManager recurring) : ITrainingSchedules
{
    public static string RecurringJobId(Guid blendId) => $"train-blend-{blendId:N}";

    public void Apply(Guid tenantId, Guid blendId, string? cron)
    {
        if (cron is null)
        {
            recurring.RemoveIfExists(RecurringJobId(blendId));
            return;
        }

        // Only ids cross into Hangfire's storage: its dashboard must not reveal tenant data.
        recurring.AddOrUpdate<ScheduledTraining>(
            RecurringJobId(blendId), x => x.TriggerAsync(tenantId, blendId, CancellationToken.None), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }
}
