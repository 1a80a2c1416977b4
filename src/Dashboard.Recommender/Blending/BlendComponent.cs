using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Blending;

/// <summary>A fitted model and its non-negative weight in a <see cref="WeightedBlend"/>.</summary>
public sealed record BlendComponent(IRecommender Recommender, double Weight);
