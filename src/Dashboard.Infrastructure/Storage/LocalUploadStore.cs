using Dashboard.Application.DataSources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Storage;

/// <summary>
/// Uploaded files on this node's disk (<c>DataSources:UploadPath</c>), one folder per tenant, under names
/// the app chooses. Copies are streamed in 80 KB chunks and stop at the size limit.
/// </summary>
internal sealed class LocalUploadStore(IOptions<DataSourcesOptions> options, IHostEnvironment environment) : IUploadStore
{
    private readonly string _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.UploadPath));

    public long MaxBytes => options.Value.MaxUploadBytes;

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

    public Task<Stream> OpenReadAsync(Guid tenantId, string storedName, CancellationToken cancellationToken)
    {
        // A tenant that never uploaded has no folder: answer "no such file" either way.
        var path = PathOf(tenantId, storedName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("This organisation has no such uploaded file.", storedName);
        }

        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan));
    }

    public Task<bool> ExistsAsync(Guid tenantId, string storedName, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(PathOf(tenantId, storedName)));

    public Task DeleteAsync(Guid tenantId, string? storedName, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(storedName) && File.Exists(PathOf(tenantId, storedName)))
        {
            File.Delete(PathOf(tenantId, storedName));
        }

        return Task.CompletedTask;
    }

    private string PathOf(Guid tenantId, string storedName) => Path.Combine(_root, tenantId.ToString("N"), LocalPaths.CheckedName(storedName));
}
