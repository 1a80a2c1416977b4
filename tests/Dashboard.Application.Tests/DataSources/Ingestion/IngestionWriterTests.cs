using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Privacy;
using Dashboard.Domain.Recommendations;
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

    private static async Task<List<string>> ForeignKeyViolationsAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await ((DbContext)db).Database.SqlQueryRaw<string>("SELECT \"table\" AS Value FROM pragma_foreign_key_check").ToListAsync();
    }

    /// <summary>One end-user and one item of the tenant with a row in every table that points at them.</summary>
    private static async Task<(long User, long Item)> SeedEverythingThatPointsAtAUserAndAnItemAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var user = new EndUser { ExternalId = "u1", CreatedAtUtc = Start };
        var item = new Item { ExternalId = "i1", Title = "One", CreatedAtUtc = Start, IsPlaceholder = true };
        db.EndUsers.Add(user);
        db.Items.Add(item);
        await db.SaveChangesAsync();
        db.EndUserAttributes.Add(new EndUserAttribute { EndUserId = user.Id, Key = "country", Value = "NL" });
        db.ItemAttributes.Add(new ItemAttribute { ItemId = item.Id, Key = "colour", Value = "red" });
        db.ConsentRecords.Add(new ConsentRecord { EndUserId = user.Id, Purpose = ConsentPurpose.MarketingMessages, Granted = true, OccurredAtUtc = Start, RecordedAtUtc = Start, Source = "test" });
        db.RecommendationFeedback.Add(new RecommendationFeedback { RecommendationId = "rec_1", EndUserId = user.Id, ItemId = item.Id, Type = FeedbackType.Click, OccurredAtUtc = Start, ReceivedAtUtc = Start });
        await db.SaveChangesAsync();
        return (user.Id, item.Id);
    }

    [Fact]
    public async Task BulkSession_RemovesByHand_EveryKindOfRowThatPointsAtEndUsersOrItems()
    {
        // A bulk session on SQLite has no cascade: a new table referencing end-users or items must be added to the
        // session's list (and removed where it removes them), or this fails.
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        await using var db = host.CreateTenantContext(tenant);
        var model = ((DbContext)db).Model;

        var referencing = new[] { typeof(EndUser), typeof(Item) }
            .SelectMany(t => model.FindEntityType(t)!.GetReferencingForeignKeys())
            .Select(fk => fk.DeclaringEntityType.ClrType)
            .Distinct()
            .OrderBy(t => t.Name);

        Assert.Equal(IngestionSession.RemovedWithEndUsersAndItems.OrderBy(t => t.Name), referencing);
    }

    [Fact]
    public async Task ClearingInABulkSession_LeavesNoRowPointingAtARemovedEndUserOrItem()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        var (user, item) = await SeedEverythingThatPointsAtAUserAndAnItemAsync(host, tenant);
        await using (var session = await host.Services.GetRequiredService<IIngestionWriter>().BeginAsync(tenant, CancellationToken.None))
        {
            await session.AddInteractionAsync(user, item, InteractionType.View, 1, Start, CancellationToken.None);
            await session.ClearAsync(CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.Empty(await ForeignKeyViolationsAsync(host, tenant));
        await using var db = host.CreateTenantContext(tenant);
        Assert.Equal(0, await db.RecommendationFeedback.CountAsync() + await db.ConsentRecords.CountAsync() + await db.EndUserAttributes.CountAsync()
            + await db.ItemAttributes.CountAsync() + await db.Interactions.CountAsync() + await db.EndUsers.CountAsync() + await db.Items.CountAsync());
    }

    [Fact]
    public async Task ReplacingItemsInABulkSession_RemovesAnUnusedOneWithItsFeedback_AndLeavesNoDanglingRow()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        await SeedEverythingThatPointsAtAUserAndAnItemAsync(host, tenant);
        await using (var session = await host.Services.GetRequiredService<IIngestionWriter>().BeginAsync(tenant, CancellationToken.None))
        {
            await session.ReplaceAsync(DatasetKind.Items, CancellationToken.None);
            await session.UpsertItemAsync(new IngestedItem("i2", "Two", null, null, null, []), CancellationToken.None);
            await session.CompleteDatasetAsync(DatasetKind.Items, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.Empty(await ForeignKeyViolationsAsync(host, tenant));
        await using var db = host.CreateTenantContext(tenant);
        Assert.Equal(["i2"], await db.Items.Select(i => i.ExternalId).ToListAsync());
        Assert.Equal(0, await db.RecommendationFeedback.CountAsync());
        Assert.Equal(1, await db.EndUserAttributes.CountAsync());
        Assert.Equal(1, await db.ConsentRecords.CountAsync());
    }

    [Fact]
    public async Task AfterABulkSession_TheConnectionChecksForeignKeysAgain()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        await using (var session = await host.Services.GetRequiredService<IIngestionWriter>().BeginAsync(tenant, CancellationToken.None))
        {
            await WriteAsync(session, 10);
            await session.CommitAsync(CancellationToken.None);
        }

        await using var db = host.CreateTenantContext(tenant);
        db.Interactions.Add(new Interaction { EndUserId = 999_999, ItemId = 999_999, Type = InteractionType.View, Value = 1, OccurredAtUtc = Start });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [InlineData(100)]
    [InlineData(LargeWrite)]
    public async Task BulkWrite_WithEveryRowSentTwice_KeepsTheFirstOfEach_AndSaysHowManyWent(int rows)
    {
        // 100 rows keep the indexes up to date; LargeWrite rows drop and rebuild them.
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        long removed;
        await using (var session = await host.Services.GetRequiredService<IIngestionWriter>().BeginAsync(tenant, CancellationToken.None))
        {
            Assert.True(session.RemovesRepeatedInteractions);
            var user = await session.UserIdAsync("u1", CancellationToken.None);
            var item = (await session.ItemIdAsync("i1", true, CancellationToken.None))!.Value;
            for (var r = 0; r < rows; r++)
            {
                await session.AddInteractionAsync(user, item, InteractionType.View, 1, Start.AddSeconds(r), CancellationToken.None);
            }

            for (var r = 0; r < rows; r++)
            {
                await session.AddInteractionAsync(user, item, InteractionType.View, 2, Start.AddSeconds(r), CancellationToken.None);
            }

            await session.AddInteractionAsync(user, item, InteractionType.Click, 2, Start, CancellationToken.None);
            removed = await session.CompleteDatasetAsync(DatasetKind.Interactions, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.Equal(rows, removed);
        await using var db = host.CreateTenantContext(tenant);
        Assert.Equal(rows, await db.Interactions.CountAsync(i => i.Type == InteractionType.View && i.Value == 1));
        Assert.Equal(rows + 1, await db.Interactions.CountAsync());
    }

    [Fact]
    public async Task BulkWrite_LeavesStoredInteractionsAlone_TheCallerChecksThoseBeforeWriting()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        var writer = host.Services.GetRequiredService<IIngestionWriter>();
        for (var pass = 0; pass < 2; pass++)
        {
            await using var session = await writer.BeginAsync(tenant, CancellationToken.None);
            var user = await session.UserIdAsync("u1", CancellationToken.None);
            var item = (await session.ItemIdAsync("i1", true, CancellationToken.None))!.Value;
            Assert.Equal(pass == 1, await session.HadInteractionAsync(user, item, InteractionType.View, Start, CancellationToken.None));
            await session.AddInteractionAsync(user, item, InteractionType.View, 1, Start, CancellationToken.None);
            Assert.Equal(0, await session.CompleteDatasetAsync(DatasetKind.Interactions, CancellationToken.None));
            await session.CommitAsync(CancellationToken.None);
        }

        await using var db = host.CreateTenantContext(tenant);
        Assert.Equal(2, await db.Interactions.CountAsync());
    }

    [Fact]
    public async Task BatchSession_DoesNotRemoveRepeats_ItsCallerChecksEachRow()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        await using var session = await host.Services.GetRequiredService<IIngestionWriter>().BeginBatchAsync(tenant, CancellationToken.None);

        Assert.False(session.RemovesRepeatedInteractions);
    }

    [Fact]
    public async Task BulkWrite_CommittedWithoutCompletingTheDataset_KeepsEveryRowItWrote()
    {
        // Sample data writes its generated rows and commits; the count it reports is the rows it generated.
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        await using (var session = await host.Services.GetRequiredService<IIngestionWriter>().BeginAsync(tenant, CancellationToken.None))
        {
            var user = await session.UserIdAsync("u1", CancellationToken.None);
            var item = (await session.ItemIdAsync("i1", true, CancellationToken.None))!.Value;
            await session.AddInteractionAsync(user, item, InteractionType.View, 1, Start, CancellationToken.None);
            await session.AddInteractionAsync(user, item, InteractionType.View, 1, Start, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        await using var db = host.CreateTenantContext(tenant);
        Assert.Equal(2, await db.Interactions.CountAsync());
    }
}
