namespace Dashboard.Application.DataSources;

/// <summary>
/// Uploaded files of a tenant, under names the store chooses (never the user's). A name is looked up only
/// inside the tenant it was saved for: another tenant's name is simply not there. Implementations stream,
/// so a file is never held in memory whole.
/// </summary>
public interface IUploadStore
{
    /// <summary>Largest file <see cref="SaveAsync"/> keeps.</summary>
    long MaxBytes { get; }

    /// <summary>
    /// Copies <paramref name="content"/> into a new stored file. Returns its name and size, or null when the
    /// content is longer than <see cref="MaxBytes"/> (then nothing is kept). Never reads past the limit + 1 byte.
    /// </summary>
    Task<(string StoredName, long Size)?> SaveAsync(Guid tenantId, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored file for reading; throws <see cref="FileNotFoundException"/> when the tenant has no such file.</summary>
    Task<Stream> OpenReadAsync(Guid tenantId, string storedName, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(Guid tenantId, string storedName, CancellationToken cancellationToken);

    /// <summary>Removes a stored file; nothing happens when there is none (or no name).</summary>
    Task DeleteAsync(Guid tenantId, string? storedName, CancellationToken cancellationToken);
}
