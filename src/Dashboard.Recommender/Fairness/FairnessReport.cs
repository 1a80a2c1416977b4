namespace Dashboard.Recommender.Fairness;

/// <summary>The outcome of <see cref="FairnessAudit.Run"/>: figures per attribute and group, the item side, and every judged finding.</summary>
public sealed record FairnessReport(
    IReadOnlyList<AttributeAudit> Attributes,
    ItemSideFigures ItemSide,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> CategoryNames);
