namespace Dashboard.Application.DataSources.ApiKeys;

/// <summary>One key as the API keys page lists it; never the key itself.</summary>
public sealed record ApiKeySummary(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTime CreatedAtUtc,
    string? CreatedBy,
    DateTime? LastUsedAtUtc,
    DateTime? RevokedAtUtc)
{
    public bool IsActive => RevokedAtUtc is null;
}
