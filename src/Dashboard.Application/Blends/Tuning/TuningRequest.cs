namespace Dashboard.Application.Blends.Tuning;

/// <summary>What "Tune weights" did: queued a run, or found one under way (<paramref name="JobRunId"/> is that one's).</summary>
public sealed record TuningRequest(bool Queued, Guid JobRunId, string Message);
