namespace Dashboard.Application.Privacy;

/// <summary>
/// How a sensitive end-user attribute's value is stored: <see cref="Protect"/> on the way in (the ingestion
/// session), <see cref="Unprotect"/> wherever a stored value flagged sensitive is read (training's per-group
/// figures, bias audits, k-anonymity's l-diversity, access exports). Values not flagged sensitive are stored as sent.
/// </summary>
public interface IAttributeValueProtector
{
    string Protect(Guid tenantId, string value);

    string Unprotect(Guid tenantId, string storedValue);
}
