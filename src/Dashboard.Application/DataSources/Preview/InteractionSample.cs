using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.Preview;

/// <summary>One interaction row as the preview shows it, with the external ids the tenant knows.</summary>
public sealed record InteractionSample(
    DateTime OccurredAtUtc,
    string EndUserExternalId,
    string ItemExternalId,
    string ItemTitle,
    InteractionType Type,
    double Value);
