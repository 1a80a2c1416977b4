using System.Text;
using System.Text.Json;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.DataSources;

/// <summary>
/// The Data sources page: list, add, edit, delete; upload a file and map its columns; test a SQL
/// connection; import now; history and reports. Every call checks <see cref="Policies.ManageDataSources"/>
/// and the caller's tenant; every change is audited (never with the connection string).
/// </summary>
public sealed class DataSourceService(
    ICurrentUser currentUser,
    ITenantDbContextFactory dbFactory,
    IAuditLog audit,
    IJobScheduler scheduler,
    ILiveJobProgress live,
    IUploadStore uploads,
    ISecretProtector secrets,
    ISqlSourceConnector sql,
    TimeProvider time)
{
    public const int PreviewRows = 20;

    public async Task<IReadOnlyList<DataSourceSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var caller = await CallerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var busy = await db.ImportRuns.Where(r => r.State == ImportState.Queued || r.State == ImportState.Running)
            .Select(r => r.DataSourceId).Distinct().ToListAsync(cancellationToken);
        var sources = await db.DataSources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var replacements = await Replacements.LoadAsync(db, sources, cancellationToken);
        return [.. sources.Select(s => replacements.Of(s) is var (by, at)
            ? new DataSourceSummary(s.Id, s.Name, s.Kind, s.LastImportAtUtc, s.LastImportState, s.LastImportRows, busy.Contains(s.Id)) { ReplacedBy = by, ReplacedAtUtc = at }
            : new DataSourceSummary(s.Id, s.Name, s.Kind, s.LastImportAtUtc, s.LastImportState, s.LastImportRows, busy.Contains(s.Id)))];
    }

    public async Task<DataSourceDetails> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await CallerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await LoadAsync(db, id, cancellationToken);
        return ToDetails(source);
    }

    public async Task<(Result Result, Guid Id)> CreateAsync(DataSourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await CallerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = new DataSource { Id = Guid.CreateVersion7(), Name = input.Name.Trim(), CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        var result = await ApplyAsync(db, source, input, isNew: true, cancellationToken);
        if (!result.Succeeded)
        {
            return (result, Guid.Empty);
        }

        db.DataSources.Add(source);
        audit.Record(db, caller, "DataSource.Created", source.Name, null, Describe(source));
        await db.SaveChangesAsync(cancellationToken);
        return (Result.Success, source.Id);
    }

    public async Task<Result> UpdateAsync(Guid id, DataSourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await CallerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await LoadAsync(db, id, cancellationToken);
        var before = Describe(source);
        var result = await ApplyAsync(db, source, input, isNew: false, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }

        audit.Record(db, caller, "DataSource.Updated", source.Name, before,
            Describe(source) + (input.ConnectionString is { Length: > 0 } ? "; connection string replaced" : string.Empty));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await CallerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await LoadAsync(db, id, cancellationToken);
        if (await IsImportingAsync(db, id, cancellationToken))
        {
            return Result.Failure("An import of this source is running. Wait for it to finish, then delete the source.");
        }

        var files = source.Datasets.Select(d => d.StoredFileName).ToList();
        var runIds = await db.ImportRuns.Where(r => r.DataSourceId == id).Select(r => r.Id).ToListAsync(cancellationToken);
        await db.ImportErrors.Where(e => runIds.Contains(e.ImportRunId)).ExecuteDeleteAsync(cancellationToken);
        db.DataSources.Remove(source);
        audit.Record(db, caller, "DataSource.Deleted", source.Name, Describe(source), null);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in files)
        {
            await uploads.DeleteAsync(caller.TenantId, file, CancellationToken.None);
        }

        return Result.Success;
    }

    private static Task<bool> IsImportingAsync(IAppDbContext db, Guid sourceId, CancellationToken cancellationToken) =>
        db.ImportRuns.AnyAsync(r => r.DataSourceId == sourceId && (r.State == ImportState.Queued || r.State == ImportState.Running), cancellationToken);

    /// <summary>
    /// Stores a file for one dataset. The content is streamed to disk and refused past the size limit,
    /// so nothing larger than one copy buffer is ever in memory.
    /// </summary>
    public async Task<Result> UploadAsync(Guid id, DatasetKind dataset, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var caller = await CallerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await LoadAsync(db, id, cancellationToken);
        if (source.Kind != DataSourceKind.FileUpload)
        {
            return Result.Failure("Files can be uploaded only to a file upload source.");
        }

        if (await IsImportingAsync(db, id, cancellationToken))
        {
            // The running import reads the current file; replacing it now would pull it from under the job.
            return Result.Failure("An import of this source is running. Wait for it to finish, then upload the new file.");
        }

        var saved = await uploads.SaveAsync(caller.TenantId, content, cancellationToken);
        if (saved is null)
        {
            return Result.Failure($"The file is larger than the limit of {FormatBytes(uploads.MaxBytes)}. Split it into smaller files, or ask your administrator to raise the limit.");
        }

        if (saved.Value.Size == 0)
        {
            await uploads.DeleteAsync(caller.TenantId, saved.Value.StoredName, CancellationToken.None);
            return Result.Failure("The file is empty.");
        }

        var config = DatasetOf(source, dataset);
        var previous = config.StoredFileName;
        config.StoredFileName = saved.Value.StoredName;
        config.OriginalFileName = Path.GetFileName(fileName);
        config.FileSizeBytes = saved.Value.Size;
        config.UploadedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Record(db, caller, "DataSource.FileUploaded", source.Name, null, $"{ImportJobHandler.Label(dataset)}: {config.OriginalFileName} ({FormatBytes(saved.Value.Size)})");
        await db.SaveChangesAsync(cancellationToken);
        await uploads.DeleteAsync(caller.TenantId, previous, CancellationToken.None);
        return Result.Success;
    }

    /// <summary>The mapping step: the uploaded file's first rows as read, and the saved (or guessed) mapping.</summary>
    public async Task<FilePreview> PreviewAsync(Guid id, DatasetKind dataset, CancellationToken cancellationToken = default)
    {
        var caller = await CallerAsync(cancellationToken);
        DataSource source;
        await using (var db = dbFactory.CreateForTenant(caller.TenantId))
        {
            source = await LoadAsync(db, id, cancellationToken);
        }

        var config = source.Datasets.FirstOrDefault(d => d.Dataset == dataset);
        if (config?.StoredFileName is not { } stored || !await uploads.ExistsAsync(caller.TenantId, stored, cancellationToken))
        {
            return new FilePreview(string.Empty, string.Empty, [], [], new ColumnMapping([]), "No file has been uploaded for this dataset yet.");
        }

        try
        {
            var stream = await uploads.OpenReadAsync(caller.TenantId, stored, cancellationToken);
            ITabularReader reader = source.FileFormat == FileFormat.Delimited
                ? await DelimitedFileReader.OpenAsync(stream, source.Encoding, source.Delimiter, cancellationToken: cancellationToken)
                : await MovieLensFormat.OpenAsync(stream, source.FileFormat, dataset, cancellationToken);
            await using (reader)
            {
                var rows = new List<RawRow>();
                while (rows.Count < PreviewRows && await reader.ReadAsync(cancellationToken) is { } row)
                {
                    rows.Add(row);
                }

                var mapping = ColumnMapping.FromJson(config.ColumnMappingJson) is { } saved && saved.Columns.All(c => reader.Header.Contains(c.Column))
                    ? saved
                    : source.FileFormat == FileFormat.Delimited ? ColumnMapping.Guess(dataset, reader.Header) : MovieLensFormat.Mapping(source.FileFormat, dataset);
                var (encoding, delimiter) = reader is DelimitedFileReader d ? (d.Encoding, d.Delimiter) : (TextDetection.Latin1, "MovieLens");
                return new FilePreview(encoding, delimiter, reader.Header, rows, mapping, rows.Count == 0 ? "The file has a header but no rows." : null);
            }
        }
        catch (ImportInputException ex)
        {
            return new FilePreview(string.Empty, string.Empty, [], [], new ColumnMapping([]), ex.Message);
        }
    }

    public async Task<Result> SaveMappingAsync(Guid id, DatasetKind dataset, ColumnMapping mapping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var caller = await CallerAsync(cancellationToken);
        if (mapping.Validate(dataset) is { } problem)
        {
            return Result.Failure(problem);
        }

        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await LoadAsync(db, id, cancellationToken);
        var config = DatasetOf(source, dataset);
        var before = config.ColumnMappingJson;
        config.ColumnMappingJson = mapping.ToJson();
        audit.Record(db, caller, "DataSource.MappingSaved", $"{source.Name} ({ImportJobHandler.Label(dataset)})", before, config.ColumnMappingJson);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>Tests a connection string as typed, or (when null) the stored one of <paramref name="id"/>.</summary>
    public async Task<Result> TestConnectionAsync(Guid? id, SqlProvider provider, string? connectionString, CancellationToken cancellationToken = default)
    {
        var caller = await CallerAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (id is null)
            {
                return Result.Failure("Enter a connection string first.");
            }

            await using var db = dbFactory.CreateForTenant(caller.TenantId);
            var source = await LoadAsync(db, id.Value, cancellationToken);
            if (source.ProtectedConnectionString is null)
            {
                return Result.Failure("Enter a connection string first.");
            }

            try
            {
                connectionString = secrets.Unprotect(source.ProtectedConnectionString);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return Result.Failure(ImportJobHandler.UnreadableSecretMessage);
            }
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await using var connection = await sql.OpenAsync(provider, connectionString, timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return Result.Success;
        }
#pragma warning disable CA1031 // Whatever the driver throws, the user needs its message, not a crash.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return Result.Failure($"Could not connect: {ex.Message}");
        }
    }

    /// <summary>What "Import now" of <paramref name="id"/> would replace of the data stored now (the page asks to confirm it).</summary>
    public async Task<ReplacedData> WhatImportReplacesAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await CallerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await LoadAsync(db, id, cancellationToken);
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
        var caller = await CallerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await LoadAsync(db, id, cancellationToken);
        if (await IsImportingAsync(db, id, cancellationToken))
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
        audit.Record(db, caller, "DataSource.ImportStarted", source.Name,
            replaced.ReplacesAnything ? $"stored: {replaced.Describe()}" : null,
            string.Join(", ", datasets.Select(ImportJobHandler.Label)) + (replaced.ReplacesAnything ? " (replacing what was stored)" : string.Empty));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<IReadOnlyList<ImportRunView>> HistoryAsync(Guid id, int take = 50, CancellationToken cancellationToken = default)
    {
        var caller = await CallerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        await LoadAsync(db, id, cancellationToken);
        var runs = await db.ImportRuns.AsNoTracking().Where(r => r.DataSourceId == id)
            .OrderByDescending(r => r.QueuedAtUtc).ThenBy(r => r.Dataset).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
        var jobIds = runs.Where(r => r.JobRunId is not null && r.State is ImportState.Queued or ImportState.Running).Select(r => r.JobRunId!.Value).Distinct().ToList();
        var jobs = await db.JobRuns.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, cancellationToken);
        var views = new List<ImportRunView>(runs.Count);
        foreach (var run in runs)
        {
            int percent = run.State == ImportState.Succeeded ? 100 : 0;
            string? message = null;
            if (run.JobRunId is { } jobId && jobs.TryGetValue(jobId, out var job))
            {
                if (job.State == JobState.Failed)
                {
                    // The job died (process stopped) before it could record the outcome of this import.
                    run.State = ImportState.Failed;
                    run.Summary = "The import was interrupted and nothing was changed. Import again.";
                }
                else if (live.TryGet(jobId, out var progress))
                {
                    (percent, message) = (progress.Percent, progress.Message);
                }
                else
                {
                    (percent, message) = (job.Progress, job.Message);
                }
            }

            views.Add(new ImportRunView(run, percent, message));
        }

        return views;
    }

    public async Task<ImportRunReport> ReportAsync(Guid importRunId, CancellationToken cancellationToken = default)
    {
        var caller = await CallerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == importRunId, cancellationToken)
            ?? throw new NotFoundException("That import does not exist.");
        var errors = await db.ImportErrors.AsNoTracking().Where(e => e.ImportRunId == importRunId).OrderBy(e => e.Line).ThenBy(e => e.Id)
            .Take(ImportRun.MaxStoredErrors).ToListAsync(cancellationToken);
        return new ImportRunReport(run, errors);
    }

    /// <summary>The report's errors as CSV (UTF-8 with BOM for spreadsheets); formula-like cells are escaped.</summary>
    public async Task<(string FileName, byte[] Content)> ExportErrorsAsync(Guid importRunId, CancellationToken cancellationToken = default)
    {
        var report = await ReportAsync(importRunId, cancellationToken);
        var text = new StringBuilder();
        text.Append(CsvCells.Line("line", "column", "value", "reason")).Append("\r\n");
        foreach (var error in report.Errors)
        {
            var line = error.Line == ImportError.WholeInput ? null : error.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append(CsvCells.Line(line, error.Column, error.Value, error.Reason)).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return ($"import-errors-{report.Run.QueuedAtUtc:yyyyMMdd-HHmmss}-{ImportJobHandler.Label(report.Run.Dataset).Replace(' ', '-')}.csv", bytes);
    }

    public static IReadOnlyList<string> SampleTemplateNames => [.. SampleCatalogTemplates.All.Keys];

    private async Task<CallerContext> CallerAsync(CancellationToken cancellationToken)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageDataSources);
        return caller;
    }

    private static async Task<DataSource> LoadAsync(IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.DataSources.Include(s => s.Datasets).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundException("That data source does not exist.");

    private static DataSourceDataset DatasetOf(DataSource source, DatasetKind dataset)
    {
        var config = source.Datasets.FirstOrDefault(d => d.Dataset == dataset);
        if (config is null)
        {
            config = new DataSourceDataset { DataSourceId = source.Id, Dataset = dataset };
            source.Datasets.Add(config);
        }

        return config;
    }

    private async Task<Result> ApplyAsync(IAppDbContext db, DataSource source, DataSourceInput input, bool isNew, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var name = input.Name.Trim();
        if (name.Length == 0 || name.Length > DataSource.NameMaxLength)
        {
            errors.Add($"Give the source a name of 1 to {DataSource.NameMaxLength} characters.");
        }
        else if (await db.DataSources.AnyAsync(s => s.Name == name && s.Id != source.Id, cancellationToken))
        {
            errors.Add($"There is already a data source named \"{name}\".");
        }

        if (!isNew && input.Kind != source.Kind)
        {
            errors.Add("The kind of a source cannot be changed; add a new source instead.");
        }

        if (input.Kind == DataSourceKind.EventsApi)
        {
            errors.Add("Events API sources are set up on the API keys page.");
        }

        if (input.MaxErrors is < 1 or > 1_000_000)
        {
            errors.Add("The number of bad rows that rejects a file must be between 1 and 1,000,000.");
        }

        if (input.MaxEventsPerUserPerDay is < 1)
        {
            errors.Add("The bot filter's cap must be at least 1 event per user per day (or leave it empty to switch it off).");
        }

        if (EventWeights.Validate(input.EventWeightsJson) is { } weights)
        {
            errors.Add(weights);
        }

        if (input.Delimiter is { Length: > 0 } d && !TextDetection.Delimiters.Contains(d))
        {
            errors.Add("The delimiter must be comma, semicolon, tab or pipe (or automatic).");
        }

        if (input.Encoding is { Length: > 0 } e && e != TextDetection.Utf8 && e != TextDetection.Latin1)
        {
            errors.Add("The encoding must be UTF-8 or ISO-8859-1 (or automatic).");
        }

        if (input.Kind == DataSourceKind.SqlDatabase)
        {
            if (input.SqlProvider is null)
            {
                errors.Add("Choose the database: SQL Server or SQLite.");
            }

            if (isNew && string.IsNullOrWhiteSpace(input.ConnectionString))
            {
                errors.Add("Enter the connection string.");
            }

            foreach (var (dataset, query) in input.Queries)
            {
                if (query is { Length: > 20_000 })
                {
                    errors.Add($"The {ImportJobHandler.Label(dataset)} query is too long.");
                }
            }
        }

        if (input.Kind == DataSourceKind.SampleData)
        {
            if (input.SampleTemplate is not null && !SampleCatalogTemplates.TryGet(input.SampleTemplate, out _))
            {
                errors.Add($"There is no sample template \"{input.SampleTemplate}\".");
            }

            if (input.SampleOptions is { } options)
            {
                var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
                if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true))
                {
                    errors.AddRange(results.Select(r => r.ErrorMessage ?? "Invalid sample settings."));
                }
            }
        }

        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        source.Name = name;
        source.Kind = input.Kind;
        source.Mode = input.Mode;
        source.BadRows = input.BadRows;
        source.MaxErrors = input.MaxErrors;
        source.UnknownItems = input.UnknownItems;
        source.MaxEventsPerUserPerDay = input.MaxEventsPerUserPerDay;
        source.EventWeightsJson = string.IsNullOrWhiteSpace(input.EventWeightsJson) ? null : input.EventWeightsJson;
        source.FileFormat = input.FileFormat;
        source.Delimiter = string.IsNullOrEmpty(input.Delimiter) ? null : input.Delimiter;
        source.Encoding = string.IsNullOrEmpty(input.Encoding) ? null : input.Encoding;
        if (input.Kind == DataSourceKind.SqlDatabase)
        {
            source.SqlProvider = input.SqlProvider;
            if (!string.IsNullOrWhiteSpace(input.ConnectionString))
            {
                source.ProtectedConnectionString = secrets.Protect(input.ConnectionString.Trim());
                source.ConnectionStringHint = Cut(sql.Hint(input.SqlProvider!.Value, input.ConnectionString.Trim()), 256);
            }

            foreach (var (dataset, query) in input.Queries)
            {
                DatasetOf(source, dataset).Query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
            }
        }

        if (input.Kind == DataSourceKind.SampleData)
        {
            source.SampleTemplate = SampleCatalogTemplates.TryGet(input.SampleTemplate, out var template)
                ? SampleCatalogTemplates.All.First(t => t.Value == template).Key
                : SampleCatalogTemplates.ECommerce;
            source.SampleOptionsJson = JsonSerializer.Serialize(input.SampleOptions ?? new SampleDataOptions());
        }

        return Result.Success;
    }

    private static DataSourceDetails ToDetails(DataSource s)
    {
        var input = new DataSourceInput
        {
            Name = s.Name, Kind = s.Kind, Mode = s.Mode, BadRows = s.BadRows, MaxErrors = s.MaxErrors, UnknownItems = s.UnknownItems,
            MaxEventsPerUserPerDay = s.MaxEventsPerUserPerDay, EventWeightsJson = s.EventWeightsJson, FileFormat = s.FileFormat, Delimiter = s.Delimiter,
            Encoding = s.Encoding, SqlProvider = s.SqlProvider, ConnectionString = null,
            Queries = s.Datasets.ToDictionary(d => d.Dataset, d => d.Query),
            SampleTemplate = s.SampleTemplate,
            SampleOptions = string.IsNullOrEmpty(s.SampleOptionsJson) ? null : JsonSerializer.Deserialize<SampleDataOptions>(s.SampleOptionsJson),
        };
        var datasets = s.Datasets.OrderBy(d => d.Dataset)
            .Select(d => new DatasetDetails(d.Dataset, d.OriginalFileName, d.FileSizeBytes, d.UploadedAtUtc, d.Query, ColumnMapping.FromJson(d.ColumnMappingJson)))
            .ToList();
        return new DataSourceDetails(s.Id, input, s.ConnectionStringHint, s.ProtectedConnectionString is not null, datasets);
    }

    /// <summary>What the audit log keeps: settings, never the connection string (only its hint).</summary>
    private static string Describe(DataSource s) =>
        $"kind {s.Kind}, mode {s.Mode}, bad rows {s.BadRows} ({s.MaxErrors}), unknown items {s.UnknownItems}, bot cap {s.MaxEventsPerUserPerDay?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "off"}"
        + (s.Kind == DataSourceKind.FileUpload ? $", format {s.FileFormat}, delimiter {s.Delimiter ?? "auto"}, encoding {s.Encoding ?? "auto"}" : string.Empty)
        + (s.Kind == DataSourceKind.SqlDatabase ? $", {s.SqlProvider} {s.ConnectionStringHint}" : string.Empty)
        + (s.Kind == DataSourceKind.SampleData ? $", template {s.SampleTemplate}" : string.Empty);

    private static string? Cut(string? value, int max) => value is { } v && v.Length > max ? v[..max] : value;

    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };
}
