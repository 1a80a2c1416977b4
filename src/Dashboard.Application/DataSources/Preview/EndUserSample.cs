namespace Dashboard.Application.DataSources.Preview;

/// <summary>One end-user row as the preview shows it, attributes ordered by key.</summary>
public sealed record EndUserSample(string ExternalId, DateTime CreatedAtUtc, IReadOnlyList<AttributeSample> Attributes);
