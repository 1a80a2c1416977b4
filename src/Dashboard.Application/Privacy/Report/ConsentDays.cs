namespace Dashboard.Application.Privacy.Report;

/// <summary>
/// The days consent coverage is counted on: every day from the first consent record to the report's day, or every
/// seventh day (still ending on the report's day) when that is more than <see cref="DailyUpToDays"/> days.
/// </summary>
internal sealed class ConsentDays
{
    public const int DailyUpToDays = 92;

    public ConsentDays(DateOnly? firstRecord, DateOnly today)
    {
        if (firstRecord is not { } first)
        {
            return;
        }

        var last = first > today ? first : today;
        StepDays = last.DayNumber - first.DayNumber <= DailyUpToDays ? 1 : 7;
        var days = new List<DateOnly>();
        for (var day = first; day < last; day = day.AddDays(StepDays))
        {
            days.Add(day);
        }

        days.Add(last);
        Days = days;
    }

    public IReadOnlyList<DateOnly> Days { get; } = [];

    public int StepDays { get; } = 1;
}
