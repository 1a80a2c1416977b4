namespace Dashboard.Recommender.Serving;

/// <summary>An item of the end-user's history that drove a recommendation ("because you bought X").</summary>
public sealed record BecauseItem(string ItemId, string Title);
