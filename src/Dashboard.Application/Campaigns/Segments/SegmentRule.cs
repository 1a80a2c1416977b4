namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// One condition on end-users. Which fields it uses depends on <see cref="Kind"/>:
/// Attribute — Key and Value with Is/IsNot; LastActive — Number (days) with Is (active within) / IsNot (not active within);
/// Purchases — Number with AtLeast/AtMost; CategoryBought — Value (category) with Is/IsNot; Consent — Key (purpose) with Is/IsNot.
/// </summary>
public sealed record SegmentRule(SegmentRuleKind Kind, SegmentOperator Operator, string? Key = null, string? Value = null, int? Number = null);
