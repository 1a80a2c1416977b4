namespace Dashboard.Application.DataSources.Ingestion;

/// <summary>
/// One consent statement checked by <see cref="IngestionRules"/> and ready to append: the purpose as the tenant
/// spells it, granted or withdrawn, when (UTC), the channel, and the optional notice version and proof reference.
/// </summary>
public sealed record IngestedConsent(
    string Purpose, bool Granted, DateTime OccurredAtUtc, string Source, string? NoticeVersion = null, string? ProofReference = null, Guid? ImportRunId = null);
