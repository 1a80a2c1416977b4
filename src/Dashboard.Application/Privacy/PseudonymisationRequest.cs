namespace Dashboard.Application.Privacy;

/// <summary>What became of a request to change pseudonymisation: whether a re-key run was queued (or one already was), and a sentence saying so.</summary>
public sealed record PseudonymisationRequest(bool Queued, Guid? JobRunId, string Message);
