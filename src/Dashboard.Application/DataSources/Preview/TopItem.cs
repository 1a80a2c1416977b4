namespace Dashboard.Application.DataSources.Preview;

/// <summary>An item and how many interactions it has.</summary>
public sealed record TopItem(string ExternalId, string Title, string? Category, int Interactions);
