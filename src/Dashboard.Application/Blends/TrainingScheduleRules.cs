using Cronos;
using Dashboard.Domain.Blends;

namespace Dashboard.Application.Blends;

/// <summary>
/// What a blend's schedule means as a cron expression (UTC, five fields) and when it runs next. The
/// presets are fixed times chosen to fall outside office hours in Europe; anything else is a cron expression.
/// </summary>
public static class TrainingScheduleRules
{
    public const string HourlyCron = "0 * * * *";
    public const string NightlyCron = "0 2 * * *";
    public const string WeeklyCron = "0 3 * * 1";

    /// <summary>The cron expression Hangfire is given, or null when the blend is only trained by hand.</summary>
    public static string? CronFor(TrainingSchedule schedule, string? cronExpression) => schedule switch
    {
        TrainingSchedule.Hourly => HourlyCron,
        TrainingSchedule.Nightly => NightlyCron,
        TrainingSchedule.Weekly => WeeklyCron,
        TrainingSchedule.Cron => cronExpression?.Trim(),
        _ => null,
    };

    /// <summary>A sentence for the schedule field when the expression cannot be used; null when it can.</summary>
    public static string? Validate(TrainingSchedule schedule, string? cronExpression)
    {
        if (schedule != TrainingSchedule.Cron)
        {
            return null;
        }

        var text = cronExpression?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "Enter a cron expression, e.g. \"0 2 * * *\" for every night at 02:00 UTC.";
        }

        if (text.Length > Blend.CronMaxLength)
        {
            return $"The cron expression can be at most {Blend.CronMaxLength} characters.";
        }

        return CronExpression.TryParse(text, CronFormat.Standard, out var parsed) && parsed.GetNextOccurrence(DateTime.UnixEpoch) is not null
            ? null
            : $"\"{text}\" is not a cron expression: use five fields (minute hour day-of-month month day-of-week), e.g. \"0 2 * * *\" for every night at 02:00 UTC.";
    }

    /// <summary>The next <paramref name="count"/> times (UTC) after <paramref name="fromUtc"/> the schedule starts a training; empty when there is no schedule.</summary>
    public static IReadOnlyList<DateTime> NextRuns(TrainingSchedule schedule, string? cronExpression, DateTime fromUtc, int count)
    {
        if (CronFor(schedule, cronExpression) is not { } cron || Validate(schedule, cronExpression) is not null)
        {
            return [];
        }

        var expression = CronExpression.Parse(cron, CronFormat.Standard);
        var runs = new List<DateTime>(count);
        var after = DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc);
        while (runs.Count < count && expression.GetNextOccurrence(after, TimeZoneInfo.Utc) is { } next)
        {
            runs.Add(next);
            after = next;
        }

        return runs;
    }

    public static string Describe(TrainingSchedule schedule, string? cronExpression) => schedule switch
    {
        TrainingSchedule.Hourly => "every hour",
        TrainingSchedule.Nightly => "every night at 02:00 UTC",
        TrainingSchedule.Weekly => "every Monday at 03:00 UTC",
        TrainingSchedule.Cron => $"on the cron schedule \"{cronExpression}\" (UTC)",
        _ => "only when someone starts it",
    };
}
