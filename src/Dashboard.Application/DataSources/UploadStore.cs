using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Application.DataSources;

/// <summary>
/// Uploaded files on disk, one folder per tenant, under names the app chooses (never the user's).
/// Copies are streamed in 80 KB chunks and stop at the size limit, so a file is never held in memory.
/// </summary>
public sealed class UploadStore(IOptions<DataSourcesOptions> options, IHostEnvironment environment)
{
    private readonly string _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.UploadPath));

    public long MaxBytes => options.Value.MaxUploadBytes;

    /// <summary>
    /// Copies <paramref name="content"/> into a new file. Returns the stored name and size, or null when the
    /// content is longer than <see cref="MaxBytes"/> (then nothing is kept). Never reads past the limit + 1 byte.
    /// </summary>
    public async Task<(string StoredName, long Size)?> SaveAsync(Guid tenantId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var folder = Path.Combine(_root, tenantId.ToString("N"));
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N") + ".upload";
        var path = Path.Combine(folder, name);
        var buffer = new byte[81_920];
        long total = 0;
        var keep = false;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                while (true)
                {
                    var want = (int)Math.Min(buffer.Length, MaxBytes + 1 - total);
                    var read = await content.ReadAsync(buffer.AsMemory(0, want), cancellationToken);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                    if (total > MaxBytes)
                    {
                        return null;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            keep = true;
            return (name, total);
        }
        finally
        {
            if (!keep)
            {
                File.Delete(path);
            }
        }
    }

    public Stream OpenRead(Guid tenantId, string storedName) =>
        new FileStream(PathOf(tenantId, storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);

    public bool Exists(Guid tenantId, string storedName) => File.Exists(PathOf(tenantId, storedName));

    public void Delete(Guid tenantId, string? storedName)
    {
        if (!string.IsNullOrEmpty(storedName) && Exists(tenantId, storedName))
        {
            File.Delete(PathOf(tenantId, storedName));
        }
    }

    private string PathOf(Guid tenantId, string storedName)
    {
        // Stored names are ours (a GUID), but never trust a name read back from anywhere.
        if (storedName.Contains('/', StringComparison.Ordinal) || storedName.Contains('\\', StringComparison.Ordinal) || storedName.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException("Invalid stored file name.", nameof(storedName));
        }

        return Path.Combine(_root, tenantId.ToString("N"), storedName);
    }
}
