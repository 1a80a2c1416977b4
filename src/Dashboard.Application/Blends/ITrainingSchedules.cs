namespace Dashboard.Application.Blends;

/// <summary>
/// The recurring jobs that train blends on their schedules (Hangfire's recurring jobs in production).
/// One recurring job per blend; its id holds only ids, never tenant data.
/// </summary>
public interface ITrainingSchedules
{
    /// <summary>Creates or replaces the blend's recurring training; <paramref name="cron"/> null removes it.</summary>
    void Apply(Guid tenantId, Guid blendId, string? cron);
}
