using System.Text.Json;
using Dashboard.Application.Privacy.ConsentsApi;
using Dashboard.Application.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Application.Tests.Privacy.ConsentTestKit;

namespace Dashboard.Application.Tests.Privacy;

public sealed class ConsentIngestTests
{
    [Fact]
    public async Task UnknownPurpose_RefusesTheWholeBatch_NamingThePurpose()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");

        var outcome = await host.InScopeAsync<ConsentIngestService, ConsentOutcome>(s => s.RecordAsync(admin.TenantId,
            [Input("u1", "Personalisation", "granted", June1), Input("u2", "Newsletter", "granted", June1)]));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal((1, "purpose", true, 0, 0),
            (problem.Index, problem.Field, problem.Reason.Contains("\"Newsletter\"", StringComparison.Ordinal), await db.ConsentRecords.CountAsync(), await db.EndUsers.CountAsync()));
    }

    [Fact]
    public async Task MissingTimeAndUnknownState_AreEachReported()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");

        var outcome = await host.InScopeAsync<ConsentIngestService, ConsentOutcome>(s => s.RecordAsync(admin.TenantId,
            [new ConsentInput("u1", "Personalisation", "maybe", null)]));

        Assert.Equal(["state", "occurred_at"], outcome.Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task AcceptedStateSpellings_AndSourceDefaultedToTheChannel_AreStored()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");

        await RecordAsync(host, admin.TenantId,
            Input("u1", "analytics", "YES", June1), Input("u1", "Personalisation", "0", June1), Input("u1", "Marketing messages", "true", June1, "app"));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var rows = await db.ConsentRecords.OrderBy(c => c.Id).Select(c => $"{c.Purpose}|{c.Granted}|{c.Source}").ToListAsync();
        Assert.Equal(["Analytics|True|consents API", "Personalisation|False|consents API", "Marketing messages|True|app"], rows);
    }

    [Fact]
    public async Task ATimeAsUnixSeconds_IsReadAsUtc()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");

        await RecordAsync(host, admin.TenantId, new ConsentInput("u1", "Personalisation", "granted", JsonSerializer.SerializeToElement(1_780_000_000)));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(1_780_000_000), await db.ConsentRecords.Select(c => c.OccurredAtUtc).SingleAsync());
    }
}
