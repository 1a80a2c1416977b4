namespace Dashboard.Application.Privacy.Retention;

/// <summary>The retention setting (null: interactions are kept) and the latest runs, newest first.</summary>
public sealed record RetentionView(int? RetentionDays, IReadOnlyList<RetentionRunView> Runs);
