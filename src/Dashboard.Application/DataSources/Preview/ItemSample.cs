namespace Dashboard.Application.DataSources.Preview;

/// <summary>One item row as the preview shows it.</summary>
public sealed record ItemSample(
    string ExternalId,
    string Title,
    string? Category,
    string? Tags,
    decimal? Price,
    bool IsPlaceholder);
