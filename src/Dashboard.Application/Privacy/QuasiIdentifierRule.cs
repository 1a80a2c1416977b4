using Dashboard.Domain.Privacy;

namespace Dashboard.Application.Privacy;

/// <summary>
/// A quasi-identifying attribute and how it is generalised: <see cref="Kind"/> is null while the values are used as
/// they are. <see cref="Description"/> says it in words with an example.
/// </summary>
public sealed record QuasiIdentifierRule(string AttributeKey, GeneralisationKind? Kind, int? Parameter, string Description, DateTime? UpdatedAtUtc);
