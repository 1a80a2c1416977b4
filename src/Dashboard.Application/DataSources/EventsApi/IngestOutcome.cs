namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>
/// Either the batch was written (<see cref="Summary"/>) or nothing was (<see cref="Problems"/> says
/// why; <see cref="TooLarge"/> when the batch had more rows than allowed).
/// </summary>
public sealed record IngestOutcome(IngestSummary? Summary, IReadOnlyList<IngestProblem> Problems, bool TooLarge = false)
{
    public bool Succeeded => Summary is not null;

    public static IngestOutcome Written(IngestSummary summary) => new(summary, []);

    public static IngestOutcome Refused(IReadOnlyList<IngestProblem> problems) => new(null, problems);
}
