namespace Dashboard.Recommender.Fairness;

/// <summary>
/// A sensitive user attribute audited for fairness ("sensitive feature" as in Fairlearn) (after any generalisation): the name of each group and the
/// group index of every user in dense user-index space, −1 where the attribute is unknown (such users
/// are left out of this attribute's figures and counted in <see cref="AttributeAudit.UnknownCount"/>).
/// </summary>
public sealed record SensitiveFeature(string Name, IReadOnlyList<string> Groups, int[] GroupOfUser);
