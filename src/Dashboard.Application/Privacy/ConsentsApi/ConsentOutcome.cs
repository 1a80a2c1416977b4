using Dashboard.Application.DataSources.EventsApi;

namespace Dashboard.Application.Privacy.ConsentsApi;

/// <summary>Either the batch was written (<see cref="Summary"/>) or nothing was (<see cref="Problems"/> says why; <see cref="TooLarge"/> for too many rows).</summary>
public sealed record ConsentOutcome(ConsentSummary? Summary, IReadOnlyList<IngestProblem> Problems, bool TooLarge = false);
