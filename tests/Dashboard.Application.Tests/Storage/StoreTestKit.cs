using Dashboard.Application.Tests.Support;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Storage;

namespace Dashboard.Application.Tests.Storage;

/// <summary>Helpers for the store tests: a host on one storage provider, deterministic content, whole-stream reads.</summary>
internal static class StoreTestKit
{
    /// <summary>Larger than two database chunks, so every store test crosses chunk boundaries.</summary>
    public const int ContentLength = (2 * DatabaseBlobStore.DefaultChunkSize) + 12_345;

    public static Task<TestHost> StartAsync(string provider, long? maxUploadBytes = null)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = provider };
        if (maxUploadBytes is { } max)
        {
            settings["DataSources:MaxUploadBytes"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TestHost.StartAsync(settings: settings);
    }

    public static byte[] Content(int length = ContentLength, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    /// <summary>The database stores' tables through a context bound to <paramref name="tenantId"/>.</summary>
    public static DashboardDbContext BlobContext(TestHost host, Guid tenantId) => (DashboardDbContext)host.CreateTenantContext(tenantId);
}
