using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Privacy;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Privacy.ConsentTestKit;

namespace Dashboard.Application.Tests.Privacy;

public sealed class ConsentGateTests
{
    private static async Task<(TestHost Host, Guid TenantId, IConsentGate Gate)> StartAsync()
    {
        var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        return (host, admin.TenantId, host.Services.GetRequiredService<IConsentGate>());
    }

    private static async Task<bool> AllowedAsync(TestHost host, IConsentGate gate, Guid tenantId, string user, DateTime? asOf = null)
    {
        var answer = await gate.EndUsersAllowedAsync(tenantId, ConsentPurpose.Personalisation, asOf ?? host.Time.GetUtcNow().UtcDateTime, CancellationToken.None);
        return answer.Allows(await EndUserIdAsync(host, tenantId, user));
    }

    [Fact]
    public async Task LatestRecordByItsOwnTime_Wins_NotTheLastToArrive()
    {
        var (host, tenant, gate) = await StartAsync();
        await using var _ = host;
        await RecordAsync(host, tenant, Input("u1", "Personalisation", "granted", June1.AddDays(1)), Input("u2", "Personalisation", "withdrawn", June1.AddDays(1)));
        await RecordAsync(host, tenant, Input("u1", "Personalisation", "withdrawn", June1), Input("u2", "Personalisation", "granted", June1));

        Assert.Equal((true, false), (await AllowedAsync(host, gate, tenant, "u1"), await AllowedAsync(host, gate, tenant, "u2")));
    }

    [Fact]
    public async Task TwoRecordsAtTheSameTime_TheOneStoredLaterWins()
    {
        var (host, tenant, gate) = await StartAsync();
        await using var _ = host;
        await RecordAsync(host, tenant, Input("u1", "Personalisation", "granted", June1), Input("u1", "Personalisation", "withdrawn", June1));

        Assert.False(await AllowedAsync(host, gate, tenant, "u1"));
    }

    [Fact]
    public async Task WithdrawalBeforeAnyGrant_IsStored_AndRefusesEvenWhenNoRecordMeansConsented()
    {
        var (host, tenant, gate) = await StartAsync();
        await using var _ = host;
        await host.InScopeAsync<ConsentService, bool>(async s => { await s.SetNoRecordMeansConsentedAsync(true); return true; });

        var summary = await RecordAsync(host, tenant, Input("u1", "Personalisation", "withdrawn", June1));

        Assert.Equal((1, 1, false), (summary.CreatedUsers, summary.ConsentsWritten, await AllowedAsync(host, gate, tenant, "u1")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EndUserWithoutARecordForThePurpose_FollowsTheOrganisationsSetting(bool noRecordMeansConsented)
    {
        var (host, tenant, gate) = await StartAsync();
        await using var _ = host;
        await host.InScopeAsync<ConsentService, bool>(async s => { await s.SetNoRecordMeansConsentedAsync(noRecordMeansConsented); return true; });

        // A grant of another purpose is no record for Personalisation.
        await RecordAsync(host, tenant, Input("u1", "Analytics", "granted", June1));

        Assert.Equal(noRecordMeansConsented, await AllowedAsync(host, gate, tenant, "u1"));
    }

    [Fact]
    public async Task RecordsAfterTheSnapshotTime_AreNotRead()
    {
        var (host, tenant, gate) = await StartAsync();
        await using var _ = host;
        await RecordAsync(host, tenant, Input("u1", "Personalisation", "granted", June1), Input("u1", "Personalisation", "withdrawn", June1.AddDays(2)));

        Assert.Equal((true, false), (await AllowedAsync(host, gate, tenant, "u1", June1.AddDays(1)), await AllowedAsync(host, gate, tenant, "u1")));
    }

    [Fact]
    public async Task Serving_FollowsAWithdrawalAndAReGrantAtOnce()
    {
        var (host, tenant, gate) = await StartAsync();
        await using var _ = host;
        await RecordAsync(host, tenant, Input("u1", "Personalisation", "granted", June1));
        var first = await gate.AllowsAsync(tenant, ConsentPurpose.Personalisation, "u1", CancellationToken.None);
        await RecordAsync(host, tenant, Input("u1", "Personalisation", "withdrawn", June1.AddDays(1)));
        var afterWithdrawal = await gate.AllowsAsync(tenant, ConsentPurpose.Personalisation, "u1", CancellationToken.None);
        await RecordAsync(host, tenant, Input("u1", "Personalisation", "granted", June1.AddDays(2)));
        var afterReGrant = await gate.AllowsAsync(tenant, ConsentPurpose.Personalisation, "u1", CancellationToken.None);

        Assert.Equal((true, false, true), (first, afterWithdrawal, afterReGrant));
    }

    [Fact]
    public async Task Serving_AfterAnAppendedRecordOlderThanTheLatest_KeepsTheLatestByItsOwnTime()
    {
        var (host, tenant, gate) = await StartAsync();
        await using var _ = host;
        await RecordAsync(host, tenant, Input("u1", "Personalisation", "granted", June1.AddDays(5)), Input("u2", "Personalisation", "granted", June1));
        var before = await gate.AllowsAsync(tenant, ConsentPurpose.Personalisation, "u1", CancellationToken.None);
        // Arrives later but happened earlier: the grant of day 5 still decides; u2's own withdrawal is newer and does.
        await RecordAsync(host, tenant, Input("u1", "Personalisation", "withdrawn", June1.AddDays(1)), Input("u2", "Personalisation", "withdrawn", June1.AddDays(1)));

        var after = (await gate.AllowsAsync(tenant, ConsentPurpose.Personalisation, "u1", CancellationToken.None),
            await gate.AllowsAsync(tenant, ConsentPurpose.Personalisation, "u2", CancellationToken.None));

        Assert.Equal((true, (true, false)), (before, after));
    }

    [Fact]
    public async Task Serving_AnswersForTheTenantAsked_NotAnotherWithTheSameEndUserId()
    {
        var (host, tenant, gate) = await StartAsync();
        await using var _ = host;
        var other = await host.RegisterOrganisationAsync("Beta", "beta@example.test");
        await RecordAsync(host, other.TenantId, Input("u1", "Personalisation", "granted", June1));

        Assert.False(await gate.AllowsAsync(tenant, ConsentPurpose.Personalisation, "u1", CancellationToken.None));
    }
}
