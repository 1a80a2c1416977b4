using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Application.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Tests.DataSources.EventsApi;

public sealed class IngestChunksTests
{
    [Fact]
    public void Split_CutsAtTheRowOrTheAttributeBound_WhicheverComesFirst()
    {
        var manyRows = IngestChunks.Split(Enumerable.Repeat(1, 250).ToList(), a => a).Select(c => c.Count);
        var manyAttributes = IngestChunks.Split(Enumerable.Repeat(300, 7).ToList(), a => a).Select(c => c.Count);
        var oneHugeRow = IngestChunks.Split([5_000, 1], a => a).Select(c => c.Count);

        Assert.Equal([100, 100, 50], manyRows);
        Assert.Equal([3, 3, 1], manyAttributes);
        Assert.Equal([1, 1], oneHugeRow);
    }

    [Fact]
    public async Task WriteAsync_StopsAtAChunkThatIsNotWritten_AndSumsTheWrittenOnes()
    {
        var calls = 0;
        var written = await IngestChunks.WriteAsync(Enumerable.Range(0, 250).ToList(), _ => 0, (chunk, _) =>
        {
            calls++;
            return Task.FromResult(IngestOutcome.Written(new IngestSummary(chunk.Count, chunk.Count, 0, 0, 0, 0, 0)));
        }, CancellationToken.None);

        Assert.Equal(3, calls);
        Assert.Equal(new IngestSummary(250, 250, 0, 0, 0, 0, 0), written.Summary);
    }

    [Fact]
    public async Task UpsertUsers_ABatchLargerThanAChunk_IsWrittenWhole_WithCountsOverAllChunks()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        await host.InScopeAsync<EventIngestService, IngestOutcome>(s => s.UpsertUsersAsync(tenant, [new UserInput("u-7", [new UserAttributeInput("k0", "old")])]));
        var rows = Enumerable.Range(0, 250).Select(u => (UserInput?)new UserInput($"u-{u}",
            [.. Enumerable.Range(0, 10).Select(a => (UserAttributeInput?)new UserAttributeInput($"k{a}", $"v{u}")) ])).ToList();

        var outcome = await host.InScopeAsync<EventIngestService, IngestOutcome>(s => s.UpsertUsersAsync(tenant, rows));

        Assert.Equal(new IngestSummary(250, 249, 1, 0, 0, 0, 0), outcome.Summary);
        await using var db = host.CreateTenantContext(tenant);
        Assert.Equal((250, 2_500), (await db.EndUsers.CountAsync(), await db.EndUserAttributes.CountAsync()));
        Assert.Equal("v7", await db.EndUserAttributes.Where(a => a.EndUser!.ExternalId == "u-7" && a.Key == "k0").Select(a => a.Value).SingleAsync());
    }
}
