using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Tests.Privacy;

public sealed class GeneralisationRulesServiceTests
{
    [Fact]
    public async Task List_ShowsEveryQuasiIdentifierWithItsRuleInWords()
    {
        var (host, admin) = await PrivacyTestKit.StartAsync();
        await using var _h = host;
        await PrivacyTestKit.SeedPeopleAsync(host, admin.TenantId);
        await host.InScopeAsync<GeneralisationRulesService, PrivacySaveResult>(s => s.SaveAsync("age", GeneralisationKind.NumericBands, 10));

        var rules = await host.InScopeAsync<GeneralisationRulesService, IReadOnlyList<QuasiIdentifierRule>>(s => s.ListAsync());

        Assert.Equal(
            [("age", "numbers in bands of 10 (37 → 30–39); text that is not a number forms one class"), ("postcode", "values used as they are")],
            rules.Select(r => (r.AttributeKey, r.Description)));
    }

    [Fact]
    public async Task Save_ChangingARule_AuditsBeforeAndAfterInASentence()
    {
        var (host, admin) = await PrivacyTestKit.StartAsync();
        await using var _h = host;
        await PrivacyTestKit.SeedPeopleAsync(host, admin.TenantId);

        await host.InScopeAsync<GeneralisationRulesService, PrivacySaveResult>(s => s.SaveAsync("postcode", GeneralisationKind.Prefix, 3));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.GeneralisationSaved);
        Assert.Equal("Changed how the quasi-identifier “postcode” is generalised: from values used as they are to first 3 characters kept (75011 → 750**).",
            AuditSentence.Describe(entry));
    }

    [Fact]
    public async Task Save_AttributeNotFlaggedQuasiIdentifying_IsRefused()
    {
        var (host, admin) = await PrivacyTestKit.StartAsync();
        await using var _h = host;
        await PrivacyTestKit.SeedPeopleAsync(host, admin.TenantId);

        var result = await host.InScopeAsync<GeneralisationRulesService, PrivacySaveResult>(s => s.SaveAsync("newsletter", GeneralisationKind.RareValuesToOther, 5));

        Assert.Equal("AttributeKey", Assert.Single(result.Problems).Field);
    }

    [Fact]
    public async Task Save_BandOfWidthZero_IsRefusedWithAFieldMessage()
    {
        var (host, admin) = await PrivacyTestKit.StartAsync();
        await using var _h = host;
        await PrivacyTestKit.SeedPeopleAsync(host, admin.TenantId);

        var result = await host.InScopeAsync<GeneralisationRulesService, PrivacySaveResult>(s => s.SaveAsync("age", GeneralisationKind.NumericBands, 0));

        Assert.Equal(("Parameter", "A band must be at least 1 wide."), (Assert.Single(result.Problems).Field, result.Problems[0].Message));
    }

    [Fact]
    public async Task Remove_UsesTheValuesAsTheyAreAgainAndAuditsIt()
    {
        var (host, admin) = await PrivacyTestKit.StartAsync();
        await using var _h = host;
        await PrivacyTestKit.SeedPeopleAsync(host, admin.TenantId);
        await host.InScopeAsync<GeneralisationRulesService, PrivacySaveResult>(s => s.SaveAsync("age", GeneralisationKind.NumericBands, 10));

        var result = await host.InScopeAsync<GeneralisationRulesService, Result>(s => s.RemoveAsync("age"));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((true, 0, 1), (result.Succeeded, await db.AttributeGeneralisations.CountAsync(), await db.AuditLog.CountAsync(e => e.Action == AuditActions.GeneralisationRemoved)));
    }

    [Fact]
    public async Task Save_ByAMarketer_IsForbidden()
    {
        var (host, admin) = await PrivacyTestKit.StartAsync();
        await using var _h = host;
        await PrivacyTestKit.SeedPeopleAsync(host, admin.TenantId);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            host.InScopeAsync<GeneralisationRulesService, PrivacySaveResult>(s => s.SaveAsync("age", GeneralisationKind.NumericBands, 10)));
    }
}
