using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.DataSources;

/// <summary>The parameters of an import job: the source and the import runs queued for it.</summary>
public sealed record ImportJobParameters(Guid DataSourceId, IReadOnlyList<Guid> ImportRunIds) : IJobParameters
{
    public static JobKind Kind => JobKind.ImportDataSource;
}

/// <summary>
/// "Import now": imports every dataset of a source in ONE transaction (end-user attributes, then items,
/// then interactions, then consent records), records one <see cref="ImportRun"/> per dataset with its report, and either
/// commits everything or leaves the tenant's data exactly as it was. A successful import is audited as
/// the job, on behalf of whoever requested it.
/// </summary>
public sealed class ImportJobHandler(
    ITenantDbContextFactory dbFactory,
    IAuditLog audit,
    IIngestionWriter writer,
    IUploadStore uploads,
    ISqlSourceConnector sql,
    ISecretProtector secrets,
    SampleDataImport sampleData,
    IConsentGate consentGate,
    Microsoft.Extensions.Options.IOptions<DataSourcesOptions> options,
    TimeProvider time) : JobHandler<ImportJobParameters>
{

    public override string Name => "Import data source";

    public override string RequiredPolicy => Policies.ManageDataSources;

    /// <summary>
    /// The run's data was one transaction that never committed, so only the bookkeeping is left: its
    /// imports (queued or running) and their sources' "importing" state say it failed.
    /// </summary>
    public override async Task<string> CleanUpInterruptedAsync(InterruptedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateForTenant(job.TenantId);
        var sources = await db.ImportRuns.Where(r => r.JobRunId == job.JobRunId).Select(r => r.DataSourceId).Distinct().ToListAsync(cancellationToken);
        await db.ImportRuns.Where(r => r.JobRunId == job.JobRunId && (r.State == ImportState.Running || r.State == ImportState.Queued)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, ImportState.Failed)
            .SetProperty(r => r.FinishedAtUtc, now)
            .SetProperty(r => r.Summary, $"{job.Reason} Nothing was changed; import again."), cancellationToken);
        await db.DataSources.Where(d => sources.Contains(d.Id) && d.LastImportState == ImportState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastImportState, ImportState.Failed), cancellationToken);
        return "Nothing was imported and the data is as it was before; run it again.";
    }

    /// <summary>A run (or run again) imports the datasets of its runs; only replace mode and sample data replace.</summary>
    protected override async Task<ReplacedData> WhatRunReplacesAsync(IAppDbContext db, ImportJobParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(parameters);
        var source = await db.DataSources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == parameters.DataSourceId, cancellationToken);
        if (source is null)
        {
            return ReplacedData.Nothing;
        }

        var datasets = await db.ImportRuns.Where(r => parameters.ImportRunIds.Contains(r.Id)).Select(r => r.Dataset).Distinct().ToListAsync(cancellationToken);
        return await ReplacedDataQuery.ForImportAsync(db, source, datasets.Count > 0 ? datasets : [DatasetKind.Interactions], cancellationToken);
    }

    protected override async Task RunAsync(JobContext context, ImportJobParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var (tenantId, progress, cancellationToken) = (context.TenantId, context.Progress, context.CancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var (source, runs) = await StartRunsAsync(context, parameters, now, cancellationToken);
        var reports = runs.ToDictionary(r => r.Dataset, r => new ImportReport(r.Dataset));
        string? failedDataset = null;
        var stopping = cancellationToken;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(options.Value.MaxImportMinutes), time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        cancellationToken = limit.Token;
        try
        {
            if (source.Kind == DataSourceKind.SampleData)
            {
                await ImportSampleAsync(tenantId, source, reports, progress, cancellationToken);
                await FinishAsync(context.Caller, source, runs, reports, ImportState.Succeeded, null, null, cancellationToken);
                return;
            }

            await using var session = await writer.BeginAsync(tenantId, cancellationToken);
            var settings = ImportSettings.From(source, options.Value.AcceptedTimes(now));
            var planned = DatasetProgress.Order.Where(reports.ContainsKey).ToList();
            for (var i = 0; i < planned.Count; i++)
            {
                var dataset = planned[i];
                failedDataset = Label(dataset);
                var config = source.Datasets.FirstOrDefault(d => d.Dataset == dataset);
                var step = i;
                // One percentage for the run; the message names the dataset without a second figure of its own.
                var fraction = new InlineProgress<double>(f => progress.Report(new JobProgress(
                    DatasetProgress.JobPercent(step, planned.Count, f), $"Importing {Label(dataset)} (dataset {step + 1} of {planned.Count})")));
                await ImportPipeline.RunAsync(
                    session, dataset, ct => OpenAsync(tenantId, source, config, dataset, ct), MappingFor(source, config, dataset), settings,
                    reports[dataset], fraction, cancellationToken);
            }

            failedDataset = null;
            progress.Report(new JobProgress(DatasetProgress.SavingPercent, "Saving"));
            Apply(session.Db, source.Id, runs, reports, ImportState.Succeeded, null, null, time.GetUtcNow().UtcDateTime);
            RecordOutcome(session.Db, context.Caller, source, runs, reports, ImportState.Succeeded);
            await session.Db.SaveChangesAsync(cancellationToken);
            await session.CommitAsync(cancellationToken);
            if (session.ConsentsAppended > 0)
            {
                consentGate.ConsentChanged(tenantId);
            }

            progress.Report(new JobProgress(100, string.Join(" ", runs.Select(r => $"{Label(r.Dataset)}: {reports[r.Dataset].Summary()}"))));
        }
        catch (Exception ex) when (ex is ImportInputException or ImportRejectedException or ValidationException
            || (ex is OperationCanceledException && timeout.IsCancellationRequested && !stopping.IsCancellationRequested))
        {
            var reason = ex is OperationCanceledException
                ? $"The import took longer than {options.Value.MaxImportMinutes} minutes and was stopped. Narrow the query or split the file, then import again."
                : ex.Message;
            var report = reports.Values.FirstOrDefault(r => Label(r.Dataset) == failedDataset) ?? reports.Values.First();
            report.Rejection = reason;
            if (ex is ImportInputException input)
            {
                report.AddProblem(input.Line, input.Column, null, reason);
            }

            await FinishAsync(context.Caller, source, runs, reports, ImportState.Rejected, report.Dataset,
                $"Not imported, because the {Label(report.Dataset)} were rejected. Nothing was changed.", CancellationToken.None);
            throw new ImportRejectedException($"{(failedDataset is null ? string.Empty : $"{char.ToUpperInvariant(failedDataset[0])}{failedDataset[1..]}: ")}{reason}", ex);
        }
        catch (Exception ex)
        {
            // A cancel from the Jobs page and a stopping app both end here through the job's own token.
            var reason = ex is OperationCanceledException && stopping.IsCancellationRequested
                ? "The import was stopped before it finished (cancelled, or the app was stopping) and nothing was changed. Import again when you are ready."
                : "The import failed for a technical reason and nothing was changed. Try again; if it keeps failing, contact support.";
            foreach (var report in reports.Values)
            {
                report.Rejection = reason;
            }

            await FinishAsync(context.Caller, source, runs, reports, ImportState.Failed, null, null, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Shown when the stored connection string cannot be decrypted (the server's keys changed).</summary>
    public const string UnreadableSecretMessage =
        "The saved connection string can no longer be read (the server's data-protection keys changed). Enter it again on the data source page.";

    public static string Label(DatasetKind dataset) => dataset switch
    {
        DatasetKind.Interactions => "interactions",
        DatasetKind.Items => "items",
        DatasetKind.Consents => "consent records",
        _ => "end-user attributes",
    };

    private async Task<(DataSource Source, List<ImportRun> Runs)> StartRunsAsync(JobContext context, ImportJobParameters parameters, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(context.TenantId);
        var source = await db.DataSources.Include(s => s.Datasets).AsNoTracking().FirstOrDefaultAsync(s => s.Id == parameters.DataSourceId, cancellationToken)
            ?? throw new NotFoundException("That data source no longer exists.");
        var runs = await db.ImportRuns.Where(r => parameters.ImportRunIds.Contains(r.Id)).ToListAsync(cancellationToken);
        if (runs.Count == 0 || runs.Any(r => r.State != ImportState.Queued))
        {
            // "Run again" from the Jobs page: the original runs are history; make fresh ones.
            var datasets = runs.Count > 0 ? runs.Select(r => r.Dataset).Distinct().ToList() : [DatasetKind.Interactions];
            runs = [.. datasets.Select(d => new ImportRun
            {
                Id = Guid.CreateVersion7(), DataSourceId = source.Id, Dataset = d, Mode = source.Mode, State = ImportState.Queued, QueuedAtUtc = now,
                RequestedBy = context.RequestedBy, JobRunId = context.JobRunId,
            })];
            db.ImportRuns.AddRange(runs);
        }

        var ours = runs.Select(r => r.Id).ToList();
        var busy = await db.ImportRuns.AnyAsync(r => r.DataSourceId == source.Id && r.State == ImportState.Running && !ours.Contains(r.Id), cancellationToken);
        foreach (var run in runs)
        {
            run.StartedAtUtc = now;
            run.State = busy ? ImportState.Rejected : ImportState.Running;
            run.FinishedAtUtc = busy ? now : null;
            run.Summary = busy ? AlreadyRunning : "Importing…";
        }

        await db.SaveChangesAsync(cancellationToken);
        if (busy)
        {
            throw new ImportRejectedException(AlreadyRunning);
        }

        await db.DataSources.Where(s => s.Id == source.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastImportState, ImportState.Running), cancellationToken);
        return (source, runs);
    }

    internal const string AlreadyRunning = "Another import of this data source is still running. Wait for it to finish, then import again.";

    private async Task<ITabularReader> OpenAsync(Guid tenantId, DataSource source, DataSourceDataset? config, DatasetKind dataset, CancellationToken cancellationToken)
    {
        if (source.Kind == DataSourceKind.SqlDatabase)
        {
            if (string.IsNullOrWhiteSpace(config?.Query))
            {
                throw new ImportInputException($"There is no query for the {Label(dataset)}. Add one on the data source page.");
            }

            if (source.ProtectedConnectionString is null || source.SqlProvider is not { } provider)
            {
                throw new ImportInputException("This source has no connection string. Enter one on the data source page.");
            }

            System.Data.Common.DbConnection connection;
            try
            {
                connection = await sql.OpenAsync(provider, secrets.Unprotect(source.ProtectedConnectionString), cancellationToken);
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                throw new ImportInputException(UnreadableSecretMessage, ex);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or ArgumentException or FormatException or InvalidOperationException)
            {
                throw new ImportInputException($"Could not connect to the database: {ex.Message}", ex);
            }

            return await DbRowReader.OpenAsync(connection, config.Query, cancellationToken);
        }

        if (config?.StoredFileName is not { } stored || !await uploads.ExistsAsync(tenantId, stored, cancellationToken))
        {
            throw new ImportInputException($"No file has been uploaded for the {Label(dataset)}. Upload one on the data source page.");
        }

        var stream = await uploads.OpenReadAsync(tenantId, stored, cancellationToken);
        return source.FileFormat == FileFormat.Delimited
            ? await DelimitedFileReader.OpenAsync(stream, source.Encoding, source.Delimiter, cancellationToken: cancellationToken)
            : await MovieLensFormat.OpenAsync(stream, source.FileFormat, dataset, cancellationToken);
    }

    private static ColumnMapping? MappingFor(DataSource source, DataSourceDataset? config, DatasetKind dataset) =>
        ColumnMapping.FromJson(config?.ColumnMappingJson)
        ?? (source.Kind == DataSourceKind.FileUpload && source.FileFormat != FileFormat.Delimited ? MovieLensFormat.Mapping(source.FileFormat, dataset) : null);

    private async Task ImportSampleAsync(
        Guid tenantId, DataSource source, Dictionary<DatasetKind, ImportReport> reports, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        var template = SampleCatalogTemplates.TryGet(source.SampleTemplate, out var found) ? found : SampleCatalogTemplate.Retail;
        var options = string.IsNullOrWhiteSpace(source.SampleOptionsJson)
            ? new SampleDataOptions()
            : JsonSerializer.Deserialize<SampleDataOptions>(source.SampleOptionsJson) ?? new SampleDataOptions();
        var data = await sampleData.RunAsync(tenantId, template, options, progress, cancellationToken);
        foreach (var report in reports.Values)
        {
            var count = report.Dataset switch
            {
                DatasetKind.Items => data.Items.Count,
                DatasetKind.EndUserAttributes => data.Users.Count,
                _ => data.Interactions.Length,
            };
            report.RowsRead = report.RowsAccepted = count;
        }

        progress.Report(new JobProgress(100, $"Generated {data.Users.Count:N0} end-users, {data.Items.Count:N0} items and {data.Interactions.Length:N0} interactions ({SampleCatalogTemplates.DisplayName(template)})"));
    }

    private async Task FinishAsync(
        CallerContext caller, DataSource source, List<ImportRun> runs, Dictionary<DatasetKind, ImportReport> reports, ImportState state, DatasetKind? culprit, string? othersSummary,
        CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        db.ImportRuns.AttachRange(runs);
        Apply(db, source.Id, runs, reports, state, culprit, othersSummary, time.GetUtcNow().UtcDateTime);
        RecordOutcome(db, caller, source, runs, reports, state);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The import's outcome in the audit log, saved with the runs' final state (and, on success, with the data).</summary>
    private void RecordOutcome(
        IAppDbContext db, CallerContext caller, DataSource source, List<ImportRun> runs, Dictionary<DatasetKind, ImportReport> reports, ImportState state)
    {
        var succeeded = state == ImportState.Succeeded;
        var rejection = reports.Values.Select(r => r.Rejection).FirstOrDefault(r => r is not null);
        var replacing = runs.Where(r => r.Mode == ImportMode.Replace && r.Dataset != DatasetKind.Consents).ToList();
        var replaced = succeeded && replacing.Count > 0 && source.Kind != DataSourceKind.SampleData
            ? $"The previous {string.Join(" and ", replacing.Select(r => Label(r.Dataset)))} were replaced."
            : null;
        audit.Record(db, caller, AuditActions.ImportFinished, source.Name, null,
            AuditFields.Write(
                ("Outcome", succeeded ? ImportOutcomes.Succeeded : state == ImportState.Rejected ? ImportOutcomes.Rejected : ImportOutcomes.Failed),
                ("Datasets", string.Join(", ", runs.Select(r => Label(r.Dataset)))),
                ("Rows read", Count(reports.Values.Sum(r => r.RowsRead))),
                ("Rows written", Count(succeeded ? reports.Values.Sum(r => r.RowsAccepted) : 0)),
                ("Rows rejected", Count(reports.Values.Sum(r => r.RowsRejected))),
                ("Duplicate rows", Count(reports.Values.Sum(r => r.RowsDuplicate))),
                ("Previous rows", replaced),
                ("Reason", succeeded ? null : rejection)));
    }

    private static string Count(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static void Apply(
        IAppDbContext db, Guid sourceId, List<ImportRun> runs, Dictionary<DatasetKind, ImportReport> reports, ImportState state, DatasetKind? culprit, string? othersSummary,
        DateTime now)
    {
        long accepted = 0;
        foreach (var run in runs)
        {
            var report = reports[run.Dataset];
            if (!db.ImportRuns.Local.Contains(run))
            {
                db.ImportRuns.Attach(run);
            }

            run.State = state;
            run.FinishedAtUtc = now;
            run.RowsRead = report.RowsRead;
            run.RowsAccepted = state == ImportState.Succeeded ? report.RowsAccepted : 0;
            run.RowsRejected = report.RowsRejected;
            run.RowsDuplicate = report.RowsDuplicate;
            run.RowsFilteredAsBots = report.RowsFilteredAsBots;
            run.PlaceholdersCreated = state == ImportState.Succeeded ? report.PlaceholdersCreated : 0;
            run.Summary = culprit is { } c && c != run.Dataset && othersSummary is not null ? othersSummary : report.Summary();
            if (run.Summary.Length > 1000)
            {
                run.Summary = run.Summary[..999] + "…";
            }

            accepted += run.RowsAccepted;
            foreach (var error in report.Errors)
            {
                error.ImportRunId = run.Id;
                db.ImportErrors.Add(error);
            }
        }

        var source = new DataSource { Id = sourceId, TenantId = db.TenantId, Name = string.Empty };
        db.DataSources.Attach(source);
        source.LastImportAtUtc = now;
        source.LastImportState = state;
        source.LastImportRows = state == ImportState.Succeeded ? accepted : null;
        var entry = db.Entry(source);
        entry.Property(s => s.LastImportAtUtc).IsModified = true;
        entry.Property(s => s.LastImportState).IsModified = true;
        entry.Property(s => s.LastImportRows).IsModified = true;
    }
}
