using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Preview;
using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Data;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.DataSources.Preview;

/// <summary>How many end-users hold each attribute value is an aggregate about people, so marketers get it under differential privacy.</summary>
public sealed class DataPreviewAttributeCountsTests : IAsyncLifetime
{
    private TestHost _host = default!;
    private CallerContext _admin = default!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(s => s.AddSingleton<IRandomSource>(new SeededRandomSource(7)));
        _admin = await _host.RegisterOrganisationAsync("Alpha");
        await AddEndUsersAsync(("u1", "gold"), ("u2", "gold"), ("u3", "gold"), ("u4", "silver"), ("u5", "silver"));
        var protector = _host.Services.GetRequiredService<IAttributeValueProtector>();
        await using var db = _host.CreateTenantContext(_admin.TenantId);
        db.EndUsers.Add(new EndUser { ExternalId = "s1", Attributes = [new EndUserAttribute { Key = "gender", Value = protector.Protect(_admin.TenantId, "f"), IsSensitive = true }] });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Preview_ForAMarketer_HoldsNoExactValueCountsAndSpendsNothing()
    {
        _host.CurrentUser.Caller = TestHost.As(_admin, Roles.Marketer);

        var preview = await _host.InScopeAsync<IDataPreviewService, DataPreview>(s => s.GetAsync());

        var plan = Assert.Single(preview.Attributes, a => a.Key == "plan");
        Assert.Equal(
            ("gold=-1, silver=-1", 0),
            (string.Join(", ", plan.Values.Select(v => $"{v.Label}={v.Count}")), await LedgerLinesAsync()));
    }

    [Fact]
    public async Task Preview_ForAMarketer_KeepsSensitiveValuesHidden()
    {
        _host.CurrentUser.Caller = TestHost.As(_admin, Roles.Marketer);

        var preview = await _host.InScopeAsync<IDataPreviewService, DataPreview>(s => s.GetAsync());

        var gender = Assert.Single(preview.Attributes, a => a.Key == "gender");
        Assert.Equal($"{DataPreviewService.HiddenLabel}=1", string.Join(", ", gender.Values.Select(v => $"{v.Label}={v.Count}")));
    }

    [Fact]
    public async Task AttributeCounts_ForAMarketer_AreNoisySpendOnceAndRepeatTheSameAnswer()
    {
        _host.CurrentUser.Caller = TestHost.As(_admin, Roles.Marketer);

        var first = await AskAsync("plan");
        var second = await AskAsync("plan");

        await using var db = _host.CreateTenantContext(_admin.TenantId);
        var line = await db.PrivacyBudgetLedger.SingleAsync();
        Assert.Equal(
            (ReleaseKind.Noisy, "noisy (ε 0.5)", 0.5, true, true, true),
            (first.Kind, first.Label, line.Epsilon, line.Query.Contains("\"plan\"", StringComparison.Ordinal), first.Counts.Select(c => c.Group).SequenceEqual(["gold", "silver"]), second.Counts.SequenceEqual(first.Counts)));
    }

    [Fact]
    public async Task AttributeCounts_QuestionNamesTheDataButNoEndUserOrValue()
    {
        _host.CurrentUser.Caller = TestHost.As(_admin, Roles.Marketer);

        await AskAsync("plan");

        await using var db = _host.CreateTenantContext(_admin.TenantId);
        var query = (await db.PrivacyBudgetLedger.SingleAsync()).Query;
        Assert.DoesNotContain(new[] { "gold", "silver", "u1" }, word => query.Contains(word, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AttributeCounts_AfterNewData_AreANewQuestionNotTheOldAnswer()
    {
        _host.CurrentUser.Caller = TestHost.As(_admin, Roles.Marketer);
        await AskAsync("plan");

        await AddEndUsersAsync(("u6", "bronze"));
        var after = await AskAsync("plan");

        Assert.Equal((2, true), (await LedgerLinesAsync(), after.CountOf("bronze") is not null));
    }

    [Fact]
    public async Task AttributeCounts_ForAComplianceOfficer_AreExactWithNoLedgerLine()
    {
        _host.CurrentUser.Caller = TestHost.As(_admin, Roles.ComplianceOfficer);

        var counts = await AskAsync("plan");

        Assert.Equal(
            (ReleaseKind.Exact, "exact", "gold=3, silver=2", 0),
            (counts.Kind, counts.Label, string.Join(", ", counts.Counts.Select(c => $"{c.Group}={c.Count}")), await LedgerLinesAsync()));
    }

    [Fact]
    public async Task AttributeCounts_BudgetSpent_AreRefusedInWords()
    {
        _host.CurrentUser.Caller = TestHost.As(_admin, Roles.Marketer);
        for (var i = 0; i < 20; i++)
        {
            await _host.InScopeAsync<DifferentialPrivacyService, PrivateCounts>(s => s.CountsAsync($"Query {i}", [new PrivateCount("a", 1)]));
        }

        var refused = await AskAsync("plan");

        Assert.Equal(
            (ReleaseKind.Refused, 0, 20, true),
            (refused.Kind, refused.Counts.Count, await LedgerLinesAsync(), refused.Label.StartsWith("This month's privacy budget (ε 10) is spent", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AttributeCounts_OfASensitiveKeyForAMarketer_AreRefusedAndSpendNothing()
    {
        _host.CurrentUser.Caller = TestHost.As(_admin, Roles.Marketer);

        var counts = await AskAsync("gender");

        Assert.Equal((ReleaseKind.Refused, DataPreviewService.SensitiveCountsRefusal, 0), (counts.Kind, counts.Label, await LedgerLinesAsync()));
    }

    private Task<PrivateCounts> AskAsync(string key) =>
        _host.InScopeAsync<IDataPreviewService, PrivateCounts>(s => s.AttributeCountsAsync(key));

    private async Task<int> LedgerLinesAsync()
    {
        await using var db = _host.CreateTenantContext(_admin.TenantId);
        return await db.PrivacyBudgetLedger.CountAsync();
    }

    private async Task AddEndUsersAsync(params (string Id, string Plan)[] users)
    {
        await using var db = _host.CreateTenantContext(_admin.TenantId);
        db.EndUsers.AddRange(users.Select(u => new EndUser { ExternalId = u.Id, Attributes = [new EndUserAttribute { Key = "plan", Value = u.Plan }] }));
        await db.SaveChangesAsync();
    }
}
