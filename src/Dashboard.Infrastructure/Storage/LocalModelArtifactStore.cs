using Dashboard.Application.Common;
using Dashboard.Application.ModelStore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Storage;

/// <summary>
/// Model artifacts on this node's disk (<c>Storage:ModelArtifactPath</c>), one folder per tenant. The
/// checksum is part of the file name (<c>{id}.{sha256}.artifact</c>), so content and checksum appear
/// together in one rename and there is no second file to keep in step.
/// </summary>
internal sealed class LocalModelArtifactStore(IOptions<StorageOptions> options, IHostEnvironment environment) : IModelArtifactStore
{
    private const string Extension = ".artifact";

    private readonly string _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.ModelArtifactPath));

    public async Task<ModelArtifact> SaveAsync(Guid tenantId, Guid artifactId, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var folder = FolderOf(tenantId);
        Directory.CreateDirectory(folder);
        if (Find(tenantId, artifactId) is not null)
        {
            throw new InvalidOperationException($"Model artifact {artifactId} already exists; artifacts are never overwritten.");
        }

        var temp = Path.Combine(folder, $"{artifactId:N}.{Guid.NewGuid():N}.tmp");
        try
        {
            long length;
            string sha256;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Position = 0;
                (length, sha256) = await Checksums.ComputeAsync(file, cancellationToken);
            }

            File.Move(temp, Path.Combine(folder, $"{artifactId:N}.{sha256}{Extension}"), overwrite: false);
            return new ModelArtifact(artifactId, length, sha256);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<Stream> OpenReadAsync(Guid tenantId, Guid artifactId, CancellationToken cancellationToken)
    {
        var path = Find(tenantId, artifactId) ?? throw new NotFoundException($"Model artifact {artifactId} was not found.");
        var expected = Path.GetFileNameWithoutExtension(path)[(artifactId.ToString("N").Length + 1)..];
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            await Checksums.VerifyAsync(stream, stream.Length, expected, cancellationToken);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public Task DeleteAsync(Guid tenantId, Guid artifactId, CancellationToken cancellationToken)
    {
        if (Find(tenantId, artifactId) is { } path)
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    private string FolderOf(Guid tenantId) => Path.Combine(_root, tenantId.ToString("N"));

    private string? Find(Guid tenantId, Guid artifactId)
    {
        var folder = FolderOf(tenantId);
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, $"{artifactId:N}.*{Extension}").FirstOrDefault() : null;
    }
}
