namespace Dashboard.Application.Training;

/// <summary>The answer to "train this blend": the queued run, or why none was queued (one is already running).</summary>
public sealed record TrainingRequest(bool Queued, Guid JobRunId, string Message);
