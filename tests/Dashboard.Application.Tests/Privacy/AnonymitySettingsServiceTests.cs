using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Tests.Privacy;

public sealed class AnonymitySettingsServiceTests
{
    [Fact]
    public async Task Get_NothingSaved_GivesKFiveWithTheGuidance()
    {
        var (host, _) = await PrivacyTestKit.StartAsync();
        await using var _h = host;

        var view = await host.InScopeAsync<AnonymitySettingsService, AnonymitySettingsView>(s => s.GetAsync());

        Assert.Equal((5, 0.5, 10.0, true), (view.K, view.EpsilonPerQuery, view.EpsilonBudgetPerMonth, view.KGuidance.Contains("HIPAA", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SaveK_StoresItAndAuditsBeforeAndAfterInASentence()
    {
        var (host, admin) = await PrivacyTestKit.StartAsync();
        await using var _h = host;

        var result = await host.InScopeAsync<AnonymitySettingsService, PrivacySaveResult>(s => s.SaveKAsync(10));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.PrivacyKChanged);
        Assert.Equal((true, 10, "Changed the k of k-anonymity from 5 to 10."), (result.Succeeded, (await db.PrivacySettingsAsync(default)).K, AuditSentence.Describe(entry)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-4)]
    public async Task SaveK_BelowTwo_IsRefusedWithAFieldMessage(int k)
    {
        var (host, _) = await PrivacyTestKit.StartAsync();
        await using var _h = host;

        var result = await host.InScopeAsync<AnonymitySettingsService, PrivacySaveResult>(s => s.SaveKAsync(k));

        Assert.Equal("K", Assert.Single(result.Problems).Field);
    }

    [Fact]
    public async Task SaveBudget_EpsilonZero_IsRefusedWithAFieldMessage()
    {
        var (host, _) = await PrivacyTestKit.StartAsync();
        await using var _h = host;

        var result = await host.InScopeAsync<AnonymitySettingsService, PrivacySaveResult>(s => s.SaveBudgetAsync(0, 10));

        Assert.Equal("EpsilonPerQuery", Assert.Single(result.Problems).Field);
    }

    [Fact]
    public async Task SaveBudget_BudgetBelowOneQuery_IsRefusedWithAFieldMessage()
    {
        var (host, _) = await PrivacyTestKit.StartAsync();
        await using var _h = host;

        var result = await host.InScopeAsync<AnonymitySettingsService, PrivacySaveResult>(s => s.SaveBudgetAsync(1, 0.5));

        Assert.Equal("EpsilonBudgetPerMonth", Assert.Single(result.Problems).Field);
    }

    [Fact]
    public async Task SaveBudget_StoresBothAndAuditsThem()
    {
        var (host, admin) = await PrivacyTestKit.StartAsync();
        await using var _h = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        await host.InScopeAsync<AnonymitySettingsService, PrivacySaveResult>(s => s.SaveBudgetAsync(1, 20));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.PrivacyBudgetChanged);
        Assert.Equal("Changed the differential-privacy settings: ε per query from 0.5 to 1, monthly budget from ε 10 to ε 20.", AuditSentence.Describe(entry));
    }

    [Fact]
    public async Task SaveK_ByAMarketer_IsForbidden()
    {
        var (host, admin) = await PrivacyTestKit.StartAsync();
        await using var _h = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<AnonymitySettingsService, PrivacySaveResult>(s => s.SaveKAsync(7)));
    }

    [Fact]
    public async Task SaveBudget_ByAMarketer_IsForbidden()
    {
        var (host, admin) = await PrivacyTestKit.StartAsync();
        await using var _h = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<AnonymitySettingsService, PrivacySaveResult>(s => s.SaveBudgetAsync(5, 100)));
    }
}
