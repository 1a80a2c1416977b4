namespace Dashboard.Application.Privacy.Access;

/// <summary>
/// Everything an organisation stores about one end-user (GDPR Art. 15), as handed to them. Sensitive attribute values
/// are shown as sent, not as stored encrypted. <see cref="Found"/> is false, and every list empty, when nothing is stored
/// under the id — the same shape whether another organisation knows the id or nobody does — and then the export does
/// not repeat the id either, so an export made after an erasure holds no trace of the end-user.
/// </summary>
public sealed record EndUserExport(
    string Reference,
    DateTime GeneratedAtUtc,
    string? EndUserId,
    bool Found,
    DateTime? FirstSeenUtc,
    IReadOnlyList<ExportedAttributeValue> Attributes,
    IReadOnlyList<ExportedInteraction> Interactions,
    IReadOnlyList<ExportedConsent> Consents,
    IReadOnlyList<ExportedFeedback> RecommendationFeedback,
    IReadOnlyList<ExportedServedList> RecommendationsServed);
