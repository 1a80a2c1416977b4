using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Privacy;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Campaigns.Segments.SegmentTestKit;

namespace Dashboard.Application.Tests.Campaigns.Segments;

public sealed class SegmentEvaluatorTests
{
    [Theory]
    [InlineData(SegmentRuleKind.Attribute, SegmentOperator.Is, "age_band", "25-34", null, "u1,u3")]
    [InlineData(SegmentRuleKind.Attribute, SegmentOperator.IsNot, "age_band", "25-34", null, "u2,u4")]
    [InlineData(SegmentRuleKind.LastActive, SegmentOperator.Is, null, null, 30, "u1,u4")]
    [InlineData(SegmentRuleKind.LastActive, SegmentOperator.IsNot, null, null, 30, "u2,u3")]
    [InlineData(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, null, null, 2, "u1")]
    [InlineData(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, null, null, 1, "u1,u2")]
    [InlineData(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, null, null, 0, "u1,u2,u3,u4")]
    [InlineData(SegmentRuleKind.Purchases, SegmentOperator.AtMost, null, null, 1, "u2,u3,u4")]
    [InlineData(SegmentRuleKind.Purchases, SegmentOperator.AtMost, null, null, 0, "u3,u4")]
    [InlineData(SegmentRuleKind.CategoryBought, SegmentOperator.Is, null, "Books", null, "u1")]
    [InlineData(SegmentRuleKind.CategoryBought, SegmentOperator.IsNot, null, "Books", null, "u2,u3,u4")]
    [InlineData(SegmentRuleKind.Consent, SegmentOperator.Is, ConsentPurpose.MarketingMessages, null, null, "u1")]
    [InlineData(SegmentRuleKind.Consent, SegmentOperator.IsNot, ConsentPurpose.MarketingMessages, null, null, "u2,u3,u4")]
    public async Task Members_OfOneRule_AreTheEndUsersItHoldsFor(SegmentRuleKind kind, SegmentOperator op, string? key, string? value, int? number, string expected)
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;

        var members = await MembersAsync(host, admin.TenantId, One(new SegmentRule(kind, op, key, value, number)));

        Assert.Equal(expected, members);
    }

    [Fact]
    public async Task Members_OfAnAllGroup_HoldEveryRule()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var definition = new SegmentDefinition(SegmentMatch.All,
            [new SegmentGroup(SegmentMatch.All, [Attribute("age_band", "25-34"), new SegmentRule(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, Number: 1)])]);

        Assert.Equal("u1", await MembersAsync(host, admin.TenantId, definition));
    }

    [Fact]
    public async Task Members_OfAnAnyGroup_HoldAtLeastOneRule()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var definition = new SegmentDefinition(SegmentMatch.All,
            [new SegmentGroup(SegmentMatch.Any, [Attribute("age_band", "35-44"), new SegmentRule(SegmentRuleKind.LastActive, SegmentOperator.Is, Number: 30)])]);

        Assert.Equal("u1,u2,u4", await MembersAsync(host, admin.TenantId, definition));
    }

    [Fact]
    public async Task Members_OfGroupsJoinedByAll_AreInEveryGroup()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        // (25-34 or 35-44) and (not active in 30 days): u2 and u3.
        var definition = new SegmentDefinition(SegmentMatch.All,
        [
            new SegmentGroup(SegmentMatch.Any, [Attribute("age_band", "25-34"), Attribute("age_band", "35-44")]),
            new SegmentGroup(SegmentMatch.All, [new SegmentRule(SegmentRuleKind.LastActive, SegmentOperator.IsNot, Number: 30)]),
        ]);

        Assert.Equal("u2,u3", await MembersAsync(host, admin.TenantId, definition));
    }

    [Fact]
    public async Task Members_OfGroupsJoinedByAny_AreInSomeGroup()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        // (bought Books and Marketing consent) or (35-44): u1 and u2.
        var definition = new SegmentDefinition(SegmentMatch.Any,
        [
            new SegmentGroup(SegmentMatch.All,
                [new SegmentRule(SegmentRuleKind.CategoryBought, SegmentOperator.Is, Value: "Books"), new SegmentRule(SegmentRuleKind.Consent, SegmentOperator.Is, ConsentPurpose.MarketingMessages)]),
            new SegmentGroup(SegmentMatch.All, [Attribute("age_band", "35-44")]),
        ]);

        Assert.Equal("u1,u2", await MembersAsync(host, admin.TenantId, definition));
    }

    [Fact]
    public async Task Members_WithTheSameFactTwice_NegatedOnce_AreNotChangedByTheSharedRead()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        // "25-34 or not 25-34" is everyone; a cached set changed in place by the negation would give u2,u4 only.
        var definition = new SegmentDefinition(SegmentMatch.All,
            [new SegmentGroup(SegmentMatch.Any, [Attribute("age_band", "25-34"), Attribute("age_band", "25-34", SegmentOperator.IsNot)])]);

        Assert.Equal("u1,u2,u3,u4", await MembersAsync(host, admin.TenantId, definition));
    }

    [Fact]
    public async Task Members_WithNoGroups_AreEveryone()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;

        Assert.Equal("u1,u2,u3,u4", await MembersAsync(host, admin.TenantId, SegmentDefinition.Everyone));
    }

    [Fact]
    public async Task Members_OfARuleOnASensitiveAttribute_AreNobody()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;

        Assert.Equal(string.Empty, await MembersAsync(host, admin.TenantId, One(Attribute("gender", "female"))));
    }

    [Fact]
    public async Task Count_AgreesWithTheMembers()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var definition = One(new SegmentRule(SegmentRuleKind.Purchases, SegmentOperator.AtMost, Number: 1));
        await using var db = host.CreateTenantContext(admin.TenantId);
        var evaluator = new SegmentEvaluator(host.Services.GetRequiredService<IConsentGate>());

        var count = await evaluator.CountAsync(db, definition, Now, CancellationToken.None);

        Assert.Equal(3, count);
    }
}
