namespace Dashboard.Domain.Blends;

/// <summary>When a blend is retrained on its own.</summary>
public enum TrainingSchedule
{
    None,
    Hourly,
    Nightly,
    Weekly,
    Cron,
}
