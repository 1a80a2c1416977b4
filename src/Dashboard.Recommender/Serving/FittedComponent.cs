using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Serving;

/// <summary>A component of a fitted blend: its spec (kind, weight, options) and its fitted model.</summary>
internal sealed record FittedComponent(ComponentSpec Spec, IRecommender Model);
