using System.Text.Json;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.DataSources;
using Microsoft.EntityFrameworkCore;
using EventWeights = Dashboard.Recommender.Data.EventWeights;

namespace Dashboard.Application.DataSources;

/// <summary>
/// The Data sources page's list and the editor's settings: list, add, edit (with validation), delete.
/// Every call checks <see cref="Dashboard.Domain.Identity.Policies.ManageDataSources"/> and the caller's
/// tenant; every change is audited (never with the connection string).
/// </summary>
public sealed class DataSourceService(
    ICurrentUser currentUser,
    ITenantDbContextFactory dbFactory,
    IAuditLog audit,
    IUploadStore uploads,
    ISecretProtector secrets,
    ISqlSourceConnector sql,
    TimeProvider time)
{
    public async Task<IReadOnlyList<DataSourceSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
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
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await DataSourceAccess.LoadAsync(db, id, cancellationToken);
        return ToDetails(source);
    }

    public async Task<(Result Result, Guid Id)> CreateAsync(DataSourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = new DataSource { Id = Guid.CreateVersion7(), Name = input.Name.Trim(), CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        var result = await ApplyAsync(db, source, input, isNew: true, cancellationToken);
        if (!result.Succeeded)
        {
            return (result, Guid.Empty);
        }

        db.DataSources.Add(source);
        audit.Record(db, caller, AuditActions.DataSourceCreated, source.Name, null, Describe(source));
        await db.SaveChangesAsync(cancellationToken);
        return (Result.Success, source.Id);
    }

    public async Task<Result> UpdateAsync(Guid id, DataSourceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await DataSourceAccess.LoadAsync(db, id, cancellationToken);
        var before = Describe(source);
        var result = await ApplyAsync(db, source, input, isNew: false, cancellationToken);
        if (!result.Succeeded)
        {
            return result;
        }

        audit.Record(db, caller, AuditActions.DataSourceUpdated, source.Name, before,
            Describe(source, input.ConnectionString is { Length: > 0 } ? "replaced" : null));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await DataSourceAccess.LoadAsync(db, id, cancellationToken);
        if (await DataSourceAccess.IsImportingAsync(db, id, cancellationToken))
        {
            return Result.Failure("An import of this source is running. Wait for it to finish, then delete the source.");
        }

        var files = source.Datasets.Select(d => d.StoredFileName).ToList();
        var runIds = await db.ImportRuns.Where(r => r.DataSourceId == id).Select(r => r.Id).ToListAsync(cancellationToken);
        await db.ImportErrors.Where(e => runIds.Contains(e.ImportRunId)).ExecuteDeleteAsync(cancellationToken);
        db.DataSources.Remove(source);
        audit.Record(db, caller, AuditActions.DataSourceDeleted, source.Name, Describe(source), null);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in files)
        {
            await uploads.DeleteAsync(caller.TenantId, file, CancellationToken.None);
        }

        return Result.Success;
    }

    public static IReadOnlyList<string> SampleTemplateNames => [.. SampleCatalogTemplates.All.Keys];

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

        // A weight may be given for any event type an import accepts, in any of its spellings.
        if (EventWeights.Validate(input.EventWeightsJson, static name => EventTypes.TryParse(name, out _) ? null : EventTypes.UnknownMessage(name)) is { } weights)
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
                DataSourceAccess.DatasetOf(source, dataset).Query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
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

    /// <summary>What the audit log keeps, in the words of the editor: settings, never the connection string (only its hint).</summary>
    private static string Describe(DataSource s, string? connectionString = null)
    {
        var file = s.Kind == DataSourceKind.FileUpload;
        var sql = s.Kind == DataSourceKind.SqlDatabase;
        return AuditFields.Write(
            ("Kind", PlainWords.Of(s.Kind)),
            ("Import mode", s.Mode == ImportMode.Replace ? "Replace the previous data" : "Add to the existing data"),
            ("Bad rows", s.BadRows == BadRowPolicy.SkipBadRows ? "Skip bad rows" : "Reject the file"),
            ("Bad rows that reject a file", s.MaxErrors.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
            ("Unknown items", s.UnknownItems == UnknownItemPolicy.CreatePlaceholder ? "Create a placeholder item" : "Reject the row"),
            ("Bot filter", s.MaxEventsPerUserPerDay is { } cap
                ? $"At most {cap.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} events per end-user per day"
                : "Off"),
            ("File format", file ? PlainWords.Of(s.FileFormat) : null),
            ("Delimiter", file ? DelimiterName(s.Delimiter) : null),
            ("Encoding", file ? s.Encoding ?? "Automatic" : null),
            ("Database", sql ? s.SqlProvider switch { SqlProvider.SqlServer => "SQL Server", SqlProvider.Sqlite => "SQLite", _ => null } : null),
            ("Connection", sql ? s.ConnectionStringHint : null),
            ("Connection string", connectionString),
            ("Sample template", s.Kind == DataSourceKind.SampleData ? s.SampleTemplate : null));
    }

    private static string DelimiterName(string? delimiter) => delimiter switch
    {
        null or "" => "Automatic",
        "," => "Comma",
        ";" => "Semicolon",
        "\t" => "Tab",
        "|" => "Pipe",
        _ => delimiter,
    };

    private static string? Cut(string? value, int max) => value is { } v && v.Length > max ? v[..max] : value;

    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };

}
