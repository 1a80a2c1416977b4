namespace Dashboard.Application.DataSources.Ingestion;

/// <summary>
/// The one path by which end-users, items, attributes and interactions enter a tenant's data: file and
/// SQL imports, the events API and the sample-data generator all write through a session of this writer,
/// after checking their rows with <see cref="IngestionRules"/>.
/// </summary>
public interface IIngestionWriter
{
    /// <summary>
    /// A session for a large write (an import, sample data): the tenant's id maps are loaded once, and the
    /// stored interactions are read into a set of 64-bit keys on the first de-duplication check.
    /// </summary>
    Task<IIngestionSession> BeginAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// A session for a small batch (the events API): ids and stored interactions are looked up one by one
    /// through the tenant's indexes instead of loading the tenant's whole data.
    /// </summary>
    Task<IIngestionSession> BeginBatchAsync(Guid tenantId, CancellationToken cancellationToken);
}
