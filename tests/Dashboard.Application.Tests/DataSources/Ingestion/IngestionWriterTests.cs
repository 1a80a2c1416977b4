using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Data;
using Dashboard.Infrastructure.DataSources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.DataSources.Ingestion;

public sealed class IngestionWriterTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // Past the point where a bulk write into an empty table rebuilds the interaction indexes.
    private const int LargeWrite = (int)PreparedInteractionWriter.MinRowsToRebuildIndexes + 1_000;

    private static async Task<List<string>> InteractionIndexesAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await ((DbContext)db).Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Interactions' ORDER BY name").ToListAsync();
    }

    private static async Task WriteAsync(IIngestionSession session, int rows)
    {
        var users = new long[50];
        for (var u = 0; u < users.Length; u++)
        {
            users[u] = await session.UserIdAsync($"u{u}", CancellationToken.None);
        }

        var item = (await session.ItemIdAsync("i1", true, CancellationToken.None))!.Value;
        for (var r = 0; r < rows; r++)
        {
            await session.AddInteractionAsync(users[r % users.Length], item, InteractionType.View, 1, Start.AddSeconds(r), CancellationToken.None);
        }
    }

    [Fact]
    public async Task InteractionIndexes_AreTheTenantTimeIndex_AndTheEndUserAndItemKeysWithoutTenantCopies()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        Assert.Equal(
            ["IX_Interactions_EndUserId", "IX_Interactions_ItemId", "IX_Interactions_TenantId_OccurredAtUtc"],
            await InteractionIndexesAsync(host, tenant));
    }

    [Fact]
    public async Task LargeBulkWrite_CommitsEveryRow_WithTheInteractionIndexesInPlace()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        var indexes = await InteractionIndexesAsync(host, tenant);

        await using (var session = await host.Services.GetRequiredService<IIngestionWriter>().BeginAsync(tenant, CancellationToken.None))
        {
            await WriteAsync(session, LargeWrite);
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.Equal(indexes, await InteractionIndexesAsync(host, tenant));
        await using var db = host.CreateTenantContext(tenant);
        Assert.Equal(LargeWrite, await db.Interactions.CountAsync());
    }

    [Fact]
    public async Task LargeBulkWrite_NotCommitted_LeavesNoRowsAndTheIndexesInPlace()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        var indexes = await InteractionIndexesAsync(host, tenant);

        await using (var session = await host.Services.GetRequiredService<IIngestionWriter>().BeginAsync(tenant, CancellationToken.None))
        {
            await WriteAsync(session, LargeWrite);
        }

        Assert.Equal(indexes, await InteractionIndexesAsync(host, tenant));
        await using var db = host.CreateTenantContext(tenant);
        Assert.Equal(0, await db.Interactions.CountAsync());
    }

    [Fact]
    public async Task BulkWrite_OfARowCountThatIsNotAWholeStatement_WritesTheRemainder()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        await using (var session = await host.Services.GetRequiredService<IIngestionWriter>().BeginAsync(tenant, CancellationToken.None))
        {
            await WriteAsync(session, (PreparedInteractionWriter.RowsPerStatement * 2) + 5);
            await session.CommitAsync(CancellationToken.None);
        }

        await using var db = host.CreateTenantContext(tenant);
        Assert.Equal((PreparedInteractionWriter.RowsPerStatement * 2) + 5, await db.Interactions.CountAsync());
    }
}
