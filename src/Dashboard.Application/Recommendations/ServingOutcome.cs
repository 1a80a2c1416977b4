namespace Dashboard.Application.Recommendations;

/// <summary>Either a list (<see cref="Response"/>) or why there is none (<see cref="Problem"/>).</summary>
public sealed record ServingOutcome(RecommendationsResponse? Response, ServingProblem? Problem)
{
    public static ServingOutcome Refused(int status, string title, string detail) => new(null, new ServingProblem(status, title, detail));
}
