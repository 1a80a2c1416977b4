using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources;

/// <summary>The editor's file step: upload a file for a dataset, preview its first rows, save the column mapping.</summary>
public sealed class DataSourceUploadService(
    ICurrentUser currentUser,
    ITenantDbContextFactory dbFactory,
    IAuditLog audit,
    IUploadStore uploads,
    TimeProvider time)
{
    public const int PreviewRows = 20;

    /// <summary>
    /// Stores a file for one dataset. The content is streamed to the upload store and refused past the size limit,
    /// so nothing larger than one copy buffer is ever in memory.
    /// </summary>
    public async Task<Result> UploadAsync(Guid id, DatasetKind dataset, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await DataSourceAccess.LoadAsync(db, id, cancellationToken);
        if (source.Kind != DataSourceKind.FileUpload)
        {
            return Result.Failure("Files can be uploaded only to a file upload source.");
        }

        if (await DataSourceAccess.IsImportingAsync(db, id, cancellationToken))
        {
            // The running import reads the current file; replacing it now would pull it from under the job.
            return Result.Failure("An import of this source is running. Wait for it to finish, then upload the new file.");
        }

        var saved = await uploads.SaveAsync(caller.TenantId, content, cancellationToken);
        if (saved is null)
        {
            return Result.Failure($"The file is larger than the limit of {DataSourceService.FormatBytes(uploads.MaxBytes)}. Split it into smaller files, or ask your administrator to raise the limit.");
        }

        if (saved.Value.Size == 0)
        {
            await uploads.DeleteAsync(caller.TenantId, saved.Value.StoredName, CancellationToken.None);
            return Result.Failure("The file is empty.");
        }

        if (await NotTextReasonAsync(caller.TenantId, saved.Value.StoredName, cancellationToken) is { } notText)
        {
            await uploads.DeleteAsync(caller.TenantId, saved.Value.StoredName, CancellationToken.None);
            return Result.Failure($"{Path.GetFileName(fileName)} is not a text file ({notText}). Upload a CSV or TSV file.");
        }

        var config = DataSourceAccess.DatasetOf(source, dataset);
        var previous = config.StoredFileName;
        config.StoredFileName = saved.Value.StoredName;
        config.OriginalFileName = Path.GetFileName(fileName);
        config.FileSizeBytes = saved.Value.Size;
        config.UploadedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Record(db, caller, AuditActions.DataSourceFileUploaded, source.Name, null,
            AuditFields.Write(("Dataset", ImportJobHandler.Label(dataset)), ("File", config.OriginalFileName), ("Size", DataSourceService.FormatBytes(saved.Value.Size))));
        await db.SaveChangesAsync(cancellationToken);
        await uploads.DeleteAsync(caller.TenantId, previous, CancellationToken.None);
        return Result.Success;
    }

    private async Task<string?> NotTextReasonAsync(Guid tenantId, string storedName, CancellationToken cancellationToken)
    {
        await using var stream = await uploads.OpenReadAsync(tenantId, storedName, cancellationToken);
        return TextDetection.NotTextReason(stream);
    }

    /// <summary>The mapping step: the uploaded file's first rows as read, and the saved (or guessed) mapping.</summary>
    public async Task<FilePreview> PreviewAsync(Guid id, DatasetKind dataset, CancellationToken cancellationToken = default)
    {
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
        DataSource source;
        await using (var db = dbFactory.CreateForTenant(caller.TenantId))
        {
            source = await DataSourceAccess.LoadAsync(db, id, cancellationToken);
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
                var (encoding, delimiter, reason) = reader is DelimitedFileReader d
                    ? (d.Encoding, d.Delimiter, d.EncodingReason)
                    : (TextDetection.Latin1, "MovieLens", "Read as ISO-8859-1 (Latin-1), the encoding GroupLens publishes MovieLens in.");
                return new FilePreview(encoding, delimiter, reader.Header, rows, mapping, rows.Count == 0 ? "The file has a header but no rows." : null, reason);
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
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
        if (mapping.Validate(dataset) is { } problem)
        {
            return Result.Failure(problem);
        }

        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await DataSourceAccess.LoadAsync(db, id, cancellationToken);
        var config = DataSourceAccess.DatasetOf(source, dataset);
        var before = config.ColumnMappingJson;
        config.ColumnMappingJson = mapping.ToJson();
        audit.Record(db, caller, AuditActions.DataSourceMappingSaved, $"{source.Name} ({ImportJobHandler.Label(dataset)})", before, config.ColumnMappingJson);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }
}
