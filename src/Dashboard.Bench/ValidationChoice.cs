using Dashboard.Recommender.Algorithms;

namespace Dashboard.Bench;

/// <summary>The grid point that won on the validation split, with its model fitted on the inner training side.</summary>
internal sealed record ValidationChoice(TuningCandidate Candidate, IRecommender InnerModel, double ValidationScore);
