namespace Dashboard.Application.Jobs;

/// <summary>A progress report from a running job: percent 0–100 and what it is doing.</summary>
public readonly record struct JobProgress(int Percent, string Message);
