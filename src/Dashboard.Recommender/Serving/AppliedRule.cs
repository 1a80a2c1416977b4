namespace Dashboard.Recommender.Serving;

/// <summary>
/// A rule that acted, in words for the page ("Moved by diversity from rank 2 to 5").
/// </summary>
/// <param name="FromRank">For a move: 1-based rank before the rule; otherwise null.</param>
/// <param name="ToRank">For a move: 1-based rank after the rule; otherwise null.</param>
/// <param name="Count">For a filter on the list: how many items it removed; otherwise null.</param>
public sealed record AppliedRule(RuleKind Kind, string Description, int? FromRank = null, int? ToRank = null, int? Count = null);
