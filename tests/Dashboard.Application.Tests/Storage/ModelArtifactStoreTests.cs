using System.Security.Cryptography;
using Dashboard.Application.Common;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Tests.Support;
using Dashboard.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Storage.StoreTestKit;

namespace Dashboard.Application.Tests.Storage;

public sealed class ModelArtifactStoreTests
{
    private static readonly Guid Tenant = Guid.Parse("7c3b2a19-6e5d-4f80-a1b2-c3d4e5f60718");
    private static readonly Guid OtherTenant = Guid.Parse("e1d2c3b4-a596-4788-99aa-bbccddeeff00");
    private static readonly Guid ArtifactId = Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

    [Theory]
    [InlineData(StorageProvider.Local, typeof(LocalModelArtifactStore))]
    [InlineData(StorageProvider.Database, typeof(DatabaseModelArtifactStore))]
    public async Task StorageProvider_ChoosesTheArtifactStore(string provider, Type expected)
    {
        await using var host = await StartAsync(provider);

        Assert.IsType(expected, host.Services.GetRequiredService<IModelArtifactStore>());
    }

    [Theory]
    [InlineData(StorageProvider.Local)]
    [InlineData(StorageProvider.Database)]
    public async Task SavedArtifact_ReadsBackByteForByteWithItsSha256(string provider)
    {
        await using var host = await StartAsync(provider);
        var store = host.Services.GetRequiredService<IModelArtifactStore>();
        var content = Content();

        var saved = await store.SaveAsync(Tenant, ArtifactId, new MemoryStream(content), CancellationToken.None);
        var read = await ReadAllAsync(await store.OpenReadAsync(Tenant, ArtifactId, CancellationToken.None));

        Assert.Equal(new ModelArtifact(ArtifactId, content.Length, Convert.ToHexStringLower(SHA256.HashData(content))), saved);
        Assert.Equal(content, read);
    }

    [Theory]
    [InlineData(StorageProvider.Local)]
    [InlineData(StorageProvider.Database)]
    public async Task Artifact_AskedForUnderAnotherTenant_IsNotFound(string provider)
    {
        await using var host = await StartAsync(provider);
        var store = host.Services.GetRequiredService<IModelArtifactStore>();
        await store.SaveAsync(Tenant, ArtifactId, new MemoryStream(Content(100)), CancellationToken.None);

        await Assert.ThrowsAsync<NotFoundException>(() => store.OpenReadAsync(OtherTenant, ArtifactId, CancellationToken.None));
    }

    [Theory]
    [InlineData(StorageProvider.Local)]
    [InlineData(StorageProvider.Database)]
    public async Task Artifact_WrittenAgainWithTheSameId_IsRefusedAndKeepsTheFirstContent(string provider)
    {
        await using var host = await StartAsync(provider);
        var store = host.Services.GetRequiredService<IModelArtifactStore>();
        var first = Content(100, seed: 1);
        await store.SaveAsync(Tenant, ArtifactId, new MemoryStream(first), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAsync(Tenant, ArtifactId, new MemoryStream(Content(100, seed: 2)), CancellationToken.None));

        Assert.Equal(first, await ReadAllAsync(await store.OpenReadAsync(Tenant, ArtifactId, CancellationToken.None)));
    }

    [Theory]
    [InlineData(StorageProvider.Local)]
    [InlineData(StorageProvider.Database)]
    public async Task CorruptedArtifact_IsRefusedOnRead(string provider)
    {
        await using var host = await StartAsync(provider);
        var store = host.Services.GetRequiredService<IModelArtifactStore>();
        await store.SaveAsync(Tenant, ArtifactId, new MemoryStream(Content()), CancellationToken.None);

        await FlipOneByteAsync(host, provider);

        await Assert.ThrowsAsync<ModelArtifactCorruptedException>(() => store.OpenReadAsync(Tenant, ArtifactId, CancellationToken.None));
    }

    [Theory]
    [InlineData(StorageProvider.Local)]
    [InlineData(StorageProvider.Database)]
    public async Task DeletedArtifact_IsNotFound(string provider)
    {
        await using var host = await StartAsync(provider);
        var store = host.Services.GetRequiredService<IModelArtifactStore>();
        await store.SaveAsync(Tenant, ArtifactId, new MemoryStream(Content(100)), CancellationToken.None);

        await store.DeleteAsync(Tenant, ArtifactId, CancellationToken.None);

        await Assert.ThrowsAsync<NotFoundException>(() => store.OpenReadAsync(Tenant, ArtifactId, CancellationToken.None));
    }

    /// <summary>Damages the stored bytes behind the store's back: one byte in the second chunk (or the middle of the file).</summary>
    private static async Task FlipOneByteAsync(TestHost host, string provider)
    {
        var offset = DatabaseBlobStore.DefaultChunkSize + 5;
        if (provider == StorageProvider.Local)
        {
            var folder = Path.Combine(host.ContentRoot, "data", "models", Tenant.ToString("N"));
            var path = Directory.EnumerateFiles(folder, $"{ArtifactId:N}.*").Single();
            var bytes = await File.ReadAllBytesAsync(path);
            bytes[offset] ^= 0xFF;
            await File.WriteAllBytesAsync(path, bytes);
            return;
        }

        await using var db = BlobContext(host, Tenant);
        var chunk = await db.StoredBlobChunks.SingleAsync(c => c.BlobId == ArtifactId && c.Sequence == 1);
        var data = chunk.Data.ToArray();
        data[5] ^= 0xFF;
        chunk.Data = data;
        await db.SaveChangesAsync();
    }
}
