namespace Dashboard.Recommender.Serving;

/// <summary>
/// Something wrong with a blend spec, for the field that holds it.
/// </summary>
/// <param name="Field">Path of the field, e.g. <c>Components[2].Weight</c> or <c>Rerank.MmrLambda</c>.</param>
/// <param name="Message">A sentence for the marketer who edits the blend.</param>
public sealed record SpecProblem(string Field, string Message);
