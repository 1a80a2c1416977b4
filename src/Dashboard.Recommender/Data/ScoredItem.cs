namespace Dashboard.Recommender.Data;

/// <summary>An item (dense index) with the score a model gave it for one user.</summary>
public readonly record struct ScoredItem(int Item, float Score);
