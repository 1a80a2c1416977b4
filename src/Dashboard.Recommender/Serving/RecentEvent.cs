namespace Dashboard.Recommender.Serving;

/// <summary>An interaction received since the model was trained, for fresh recommendations.</summary>
/// <param name="Value">Stars for a rating, otherwise 1 (or a quantity), as in <see cref="TrainingData"/>.</param>
public sealed record RecentEvent(string ItemId, string EventType, float Value = 1);
