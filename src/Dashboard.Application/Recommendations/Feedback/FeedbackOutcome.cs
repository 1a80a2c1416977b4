using Dashboard.Application.DataSources.EventsApi;

namespace Dashboard.Application.Recommendations.Feedback;

/// <summary>
/// Either the batch was written (<see cref="Summary"/>) or nothing was (<see cref="Problems"/> says why;
/// <see cref="TooLarge"/> when it had more rows than allowed) — the same answer shape as the events API.
/// </summary>
public sealed record FeedbackOutcome(FeedbackSummary? Summary, IReadOnlyList<IngestProblem> Problems, bool TooLarge = false)
{
    internal static FeedbackOutcome From(IngestOutcome refused) => new(null, refused.Problems, refused.TooLarge);
}
