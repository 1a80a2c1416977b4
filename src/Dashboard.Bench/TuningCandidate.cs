using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Bench;

/// <summary>One point of a hyper-parameter grid: its printable settings and how to fit it on a training matrix.</summary>
internal sealed record TuningCandidate(string Label, Func<InteractionMatrix, IRecommender> Fit);
