namespace Dashboard.Recommender.Serving;

/// <summary>An item held at a 1-based <see cref="Position"/> of the list (a shorter list gets it appended).</summary>
public sealed record ListPin(string ItemId, int Position);
