namespace Dashboard.Application.Privacy.Report;

/// <summary>
/// Consent over time: for each day in <see cref="Days"/> (every day, or every <see cref="StepDays"/>-th day over
/// long spans, always ending on the report's day) and each purpose, how many end-users' latest record as of the
/// end of that day granted it.
/// </summary>
public sealed record ConsentHistory(IReadOnlyList<DateOnly> Days, int StepDays, IReadOnlyList<ConsentHistoryLine> Lines)
{
    public static ConsentHistory Empty { get; } = new([], 1, []);
}
