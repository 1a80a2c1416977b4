namespace Dashboard.Application.Recommendations;

/// <summary>Why a serving request got no list: an HTTP status and a sentence for the client's developer.</summary>
public sealed record ServingProblem(int Status, string Title, string Detail);
