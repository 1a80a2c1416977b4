using Cronos;
using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// What an e-mail campaign's export schedule (<see cref="Campaign.ExportCron"/>: five-field cron, UTC) means: whether it
/// can be used, how it reads, and when it runs next. The presets are early-morning times, before a mailing goes out.
/// </summary>
public static class CampaignExportSchedule
{
    public static IReadOnlyList<CampaignExportSchedulePreset> Presets { get; } =
    [
        new("Every Monday at 06:00 UTC", "0 6 * * 1"),
        new("Every day at 06:00 UTC", "0 6 * * *"),
        new("Every weekday at 06:00 UTC", "0 6 * * 1-5"),
        new("On the 1st of every month at 06:00 UTC", "0 6 1 * *"),
    ];

    /// <summary>A sentence saying why <paramref name="cron"/> cannot be used; null when it can.</summary>
    public static string? Validate(string cron)
    {
        ArgumentNullException.ThrowIfNull(cron);
        var text = cron.Trim();
        if (text.Length > Campaign.CronMaxLength)
        {
            return $"The cron expression can be at most {Campaign.CronMaxLength} characters.";
        }

        return CronExpression.TryParse(text, CronFormat.Standard, out var parsed) && parsed.GetNextOccurrence(DateTime.UnixEpoch) is not null
            ? null
            : $"\"{text}\" is not a cron expression: use five fields (minute hour day-of-month month day-of-week), e.g. \"0 6 * * 1\" for every Monday at 06:00 UTC.";
    }

    /// <summary>How the schedule reads: a preset's label, or the expression itself; "only when someone exports it" without one.</summary>
    public static string Describe(string? cron) => cron is null
        ? "only when someone exports it"
        : Presets.FirstOrDefault(p => p.Cron == cron)?.Label ?? $"on the cron schedule \"{cron}\" (UTC)";

    /// <summary>The next <paramref name="count"/> times (UTC) after <paramref name="fromUtc"/> the schedule exports; empty without a usable schedule.</summary>
    public static IReadOnlyList<DateTime> NextRuns(string? cron, DateTime fromUtc, int count)
    {
        if (cron is null || Validate(cron) is not null)
        {
            return [];
        }

        var expression = CronExpression.Parse(cron.Trim(), CronFormat.Standard);
        var runs = new List<DateTime>(count);
        var after = DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc);
        while (runs.Count < count && expression.GetNextOccurrence(after, TimeZoneInfo.Utc) is { } next)
        {
            runs.Add(next);
            after = next;
        }

        return runs;
    }
}
