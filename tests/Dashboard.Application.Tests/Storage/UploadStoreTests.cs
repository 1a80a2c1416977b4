using Dashboard.Application.DataSources;
using Dashboard.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Storage.StoreTestKit;

namespace Dashboard.Application.Tests.Storage;

public sealed class UploadStoreTests
{
    private static readonly Guid Tenant = Guid.Parse("0a6f1c4e-3f7e-4a51-9d0e-2c5b8f1a7e01");
    private static readonly Guid OtherTenant = Guid.Parse("5d2e9b70-8c41-4f3a-b6d2-91e4a7c3f802");

    [Theory]
    [InlineData(StorageProvider.Local, typeof(LocalUploadStore))]
    [InlineData(StorageProvider.Database, typeof(DatabaseUploadStore))]
    public async Task StorageProvider_ChoosesTheUploadStore(string provider, Type expected)
    {
        await using var host = await StartAsync(provider);

        Assert.IsType(expected, host.Services.GetRequiredService<IUploadStore>());
    }

    [Theory]
    [InlineData(StorageProvider.Local)]
    [InlineData(StorageProvider.Database)]
    public async Task SavedUpload_ReadsBackByteForByte(string provider)
    {
        await using var host = await StartAsync(provider);
        var store = host.Services.GetRequiredService<IUploadStore>();
        var content = Content();

        var saved = await store.SaveAsync(Tenant, new MemoryStream(content), CancellationToken.None);

        Assert.Equal(content.Length, saved!.Value.Size);
        Assert.Equal(content, await ReadAllAsync(await store.OpenReadAsync(Tenant, saved.Value.StoredName, CancellationToken.None)));
    }

    [Theory]
    [InlineData(StorageProvider.Local)]
    [InlineData(StorageProvider.Database)]
    public async Task OpenedUpload_SeeksLikeAFile(string provider)
    {
        // The import readers sniff the first bytes, rewind, and report progress by position.
        await using var host = await StartAsync(provider);
        var store = host.Services.GetRequiredService<IUploadStore>();
        var content = Content();
        var saved = await store.SaveAsync(Tenant, new MemoryStream(content), CancellationToken.None);
        await using var stream = await store.OpenReadAsync(Tenant, saved!.Value.StoredName, CancellationToken.None);
        var across = new byte[64];
        var start = new byte[16];

        stream.Position = DatabaseBlobStore.DefaultChunkSize - 32;
        await stream.ReadExactlyAsync(across);
        stream.Position = 0;
        await stream.ReadExactlyAsync(start);

        Assert.Equal(content[(DatabaseBlobStore.DefaultChunkSize - 32)..(DatabaseBlobStore.DefaultChunkSize + 32)], across);
        Assert.Equal(content[..16], start);
    }

    [Theory]
    [InlineData(StorageProvider.Local)]
    [InlineData(StorageProvider.Database)]
    public async Task Upload_AskedForUnderAnotherTenant_IsNotThere(string provider)
    {
        await using var host = await StartAsync(provider);
        var store = host.Services.GetRequiredService<IUploadStore>();
        var saved = await store.SaveAsync(Tenant, new MemoryStream(Content(100)), CancellationToken.None);
        var name = saved!.Value.StoredName;

        Assert.False(await store.ExistsAsync(OtherTenant, name, CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(OtherTenant, name, CancellationToken.None));
    }

    [Theory]
    [InlineData(StorageProvider.Local)]
    [InlineData(StorageProvider.Database)]
    public async Task Upload_DeletedUnderAnotherTenant_StaysForItsOwner(string provider)
    {
        await using var host = await StartAsync(provider);
        var store = host.Services.GetRequiredService<IUploadStore>();
        var saved = await store.SaveAsync(Tenant, new MemoryStream(Content(100)), CancellationToken.None);

        await store.DeleteAsync(OtherTenant, saved!.Value.StoredName, CancellationToken.None);

        Assert.True(await store.ExistsAsync(Tenant, saved.Value.StoredName, CancellationToken.None));
    }

    [Theory]
    [InlineData(StorageProvider.Local)]
    [InlineData(StorageProvider.Database)]
    public async Task DeletedUpload_IsGone(string provider)
    {
        await using var host = await StartAsync(provider);
        var store = host.Services.GetRequiredService<IUploadStore>();
        var saved = await store.SaveAsync(Tenant, new MemoryStream(Content(100)), CancellationToken.None);

        await store.DeleteAsync(Tenant, saved!.Value.StoredName, CancellationToken.None);

        Assert.False(await store.ExistsAsync(Tenant, saved.Value.StoredName, CancellationToken.None));
    }

    [Theory]
    [InlineData(StorageProvider.Local)]
    [InlineData(StorageProvider.Database)]
    public async Task Upload_LargerThanTheLimit_IsRefused(string provider)
    {
        await using var host = await StartAsync(provider, maxUploadBytes: 1000);
        var store = host.Services.GetRequiredService<IUploadStore>();

        Assert.Null(await store.SaveAsync(Tenant, new MemoryStream(Content(1001)), CancellationToken.None));
    }

    [Fact]
    public async Task DatabaseUpload_LargerThanTheLimit_LeavesNoRows()
    {
        await using var host = await StartAsync(StorageProvider.Database, maxUploadBytes: DatabaseBlobStore.DefaultChunkSize + 10);
        var store = host.Services.GetRequiredService<IUploadStore>();

        await store.SaveAsync(Tenant, new MemoryStream(Content()), CancellationToken.None);

        await using var db = BlobContext(host, Tenant);
        Assert.Equal((0, 0), (await db.StoredBlobs.CountAsync(), await db.StoredBlobChunks.CountAsync()));
    }
}
