using Dashboard.Application.Common;

namespace Dashboard.Application.DataSources.ApiKeys;

/// <summary>
/// The outcome of creating a key. <see cref="Key"/> is the only copy of the full key that will ever
/// exist outside the client: show it once and drop it.
/// </summary>
public sealed record ApiKeyCreation(Result Result, ApiKeySummary? Summary, string? Key);
