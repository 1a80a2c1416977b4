namespace Dashboard.Application.DataSources.Ingestion;

/// <summary>
/// An item row that passed <see cref="IngestionRules"/>, ready to write. A whole row (file imports,
/// sample data) replaces everything the item had. A <see cref="Partial"/> row (events API) writes only
/// what it carries: a null category, tags or price keeps the stored one, an empty text clears it, and its
/// attributes are added or overwritten by key while the others stay.
/// </summary>
public sealed record IngestedItem(
    string ExternalId,
    string Title,
    string? Category,
    string? Tags,
    decimal? Price,
    IReadOnlyList<IngestedFact> Attributes,
    bool Partial = false);
