using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources;

/// <summary>"Import now": what it would replace, and queueing it (audited with what was stored when it replaces).</summary>
public sealed class ImportQueueService(
    ICurrentUser currentUser,
    ITenantDbContextFactory dbFactory,
    IAuditLog audit,
    IJobScheduler scheduler,
    TimeProvider time)
{
    /// <summary>What "Import now" of <paramref name="id"/> would replace of the data stored now (the page asks to confirm it).</summary>
    public async Task<ReplacedData> WhatImportReplacesAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await DataSourceAccess.LoadAsync(db, id, cancellationToken);
        return await ReplacedDataQuery.ForImportAsync(db, source, ImportableDatasets(source), cancellationToken);
    }

    private static List<DatasetKind> ImportableDatasets(DataSource source) => source.Kind switch
    {
        DataSourceKind.FileUpload => source.Datasets.Where(d => d.StoredFileName is not null).Select(d => d.Dataset).ToList(),
        DataSourceKind.SqlDatabase => source.Datasets.Where(d => !string.IsNullOrWhiteSpace(d.Query)).Select(d => d.Dataset).ToList(),
        DataSourceKind.SampleData => [DatasetKind.Interactions],
        _ => [],
    };

    /// <summary>Queues an import of every dataset the source has; refused while one of the same source is queued or running.</summary>
    public async Task<Result> ImportNowAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await DataSourceAccess.LoadAsync(db, id, cancellationToken);
        if (await DataSourceAccess.IsImportingAsync(db, id, cancellationToken))
        {
            return Result.Failure(ImportJobHandler.AlreadyRunning);
        }

        var datasets = ImportableDatasets(source);
        if (datasets.Count == 0)
        {
            return Result.Failure(source.Kind switch
            {
                DataSourceKind.FileUpload => "Upload at least one file first.",
                DataSourceKind.SqlDatabase => "Enter at least one query first.",
                _ => "This kind of source is not imported here; it receives data through the events API.",
            });
        }

        if (source.Kind == DataSourceKind.SqlDatabase && source.ProtectedConnectionString is null)
        {
            return Result.Failure("Enter a connection string first.");
        }

        var replaced = await ReplacedDataQuery.ForImportAsync(db, source, datasets, cancellationToken);
        ImportRequests.Enqueue(db, scheduler, source, datasets, caller, time.GetUtcNow().UtcDateTime);
        audit.Record(db, caller, AuditActions.ImportStarted, source.Name,
            replaced.ReplacesAnything ? $"stored: {replaced.Describe()}" : null,
            string.Join(", ", datasets.Select(ImportJobHandler.Label)) + (replaced.ReplacesAnything ? " (replacing what was stored)" : string.Empty));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
