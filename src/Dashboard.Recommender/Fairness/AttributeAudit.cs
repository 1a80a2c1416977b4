namespace Dashboard.Recommender.Fairness;

/// <summary>The figures of every group of one sensitive attribute, in the attribute's group order, small groups included.</summary>
public sealed record AttributeAudit(string Attribute, IReadOnlyList<GroupFigures> Groups, int UnknownCount);
