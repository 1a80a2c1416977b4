using Dashboard.Application.Auditing;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Application.Tests.Campaigns.Segments.SegmentTestKit;

namespace Dashboard.Application.Tests.Campaigns.Segments;

public sealed class SegmentServiceTests
{
    private static readonly SegmentDefinition YoungBuyers = new(SegmentMatch.All,
        [new SegmentGroup(SegmentMatch.All, [Attribute("AGE_BAND", " 25-34 "), new SegmentRule(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, "ignored", Number: 1)])]);

    [Fact]
    public async Task Create_AsMarketer_SavesTheRulesInTheOrganisationsSpellingAndAuditsIt()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        ActAs(host, admin, Roles.Marketer);

        var saved = await host.InScopeAsync<SegmentService, SegmentSaveResult>(s => s.CreateAsync(new SegmentInput(" Young buyers ", null, YoungBuyers)));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var segment = await db.Segments.SingleAsync();
        var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.SegmentCreated);
        Assert.Equal(
            (true, "Young buyers", "age_band is 25-34 and at least 1 purchase", "Added the segment “Young buyers”."),
            (saved.Succeeded, segment.Name, SegmentText.Describe(SegmentDefinition.Parse(segment.DefinitionJson)), AuditSentence.Describe(entry)));
    }

    [Fact]
    public async Task Create_RuleOnASensitiveAttribute_IsRefusedWithTheReason()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;

        var saved = await CreateAsync(host, "Women", One(Attribute("gender", "female")));

        Assert.Equal(
            [new("Definition.Groups[0].Rules[0].Key", "“gender” is marked sensitive: it groups people in bias audits and may not choose who is targeted.")],
            saved.Problems);
    }

    [Theory]
    [InlineData(SegmentRuleKind.Attribute, SegmentOperator.Is, "loyalty_tier", "gold", null, "Key", "No end-user has the attribute “loyalty_tier”; choose one of the organisation's attributes.")]
    [InlineData(SegmentRuleKind.Attribute, SegmentOperator.Is, "age_band", "", null, "Value", "Give a value of “age_band” (at most 256 characters).")]
    [InlineData(SegmentRuleKind.Attribute, SegmentOperator.AtLeast, "age_band", "25-34", null, "Operator", "An attribute rule says “is” or “is not”.")]
    [InlineData(SegmentRuleKind.CategoryBought, SegmentOperator.Is, null, "Toys", null, "Value", "There is no category “Toys”; choose one of the organisation's item categories.")]
    [InlineData(SegmentRuleKind.Consent, SegmentOperator.Is, "Newsletter", null, null, "Key", "There is no consent purpose “Newsletter”; choose one of Personalisation, Analytics, Marketing messages.")]
    [InlineData(SegmentRuleKind.LastActive, SegmentOperator.Is, null, null, 0, "Number", "Give a number of days from 1 to 3,650.")]
    [InlineData(SegmentRuleKind.LastActive, SegmentOperator.Is, null, null, 4000, "Number", "Give a number of days from 1 to 3,650.")]
    [InlineData(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, null, null, -1, "Number", "Give a number of purchases from 0 to 10,000.")]
    [InlineData(SegmentRuleKind.Purchases, SegmentOperator.Is, null, null, 2, "Operator", "A purchases rule says “at least” or “at most”.")]
    public async Task Create_BadRule_IsRefusedAtItsField(SegmentRuleKind kind, SegmentOperator op, string? key, string? value, int? number, string field, string message)
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;

        var saved = await CreateAsync(host, "Bad", One(new SegmentRule(kind, op, key, value, number)));

        Assert.Equal([new($"Definition.Groups[0].Rules[0].{field}", message)], saved.Problems);
    }

    [Fact]
    public async Task Create_MoreThanTwentyRules_IsRefused()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var rules = Enumerable.Range(0, 21).Select(_ => Attribute("age_band", "25-34")).ToList();

        var saved = await CreateAsync(host, "Too many", new SegmentDefinition(SegmentMatch.All, [new SegmentGroup(SegmentMatch.Any, rules)]));

        Assert.Equal([new("Definition", "A segment has at most 20 rules; this one has 21.")], saved.Problems);
    }

    [Fact]
    public async Task Create_NameTakenOrTooLong_IsRefused()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        await CreateAsync(host, "Young buyers", YoungBuyers);

        var taken = await CreateAsync(host, "Young buyers", YoungBuyers);
        var tooLong = await CreateAsync(host, new string('x', 101), YoungBuyers);

        Assert.Equal(
            ("There is already a segment named “Young buyers”.", "Give the segment a name of 1 to 100 characters."),
            (taken.Problems.Single(p => p.Field == "Name").Message, tooLong.Problems.Single(p => p.Field == "Name").Message));
    }

    [Fact]
    public async Task Create_AsComplianceOfficer_IsRefusedByTheService()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        ActAs(host, admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => CreateAsync(host, "Young buyers", YoungBuyers));
    }

    [Fact]
    public async Task Update_AsComplianceOfficer_IsRefusedByTheServiceAndChangesNothing()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var id = (await CreateAsync(host, "Young buyers", YoungBuyers)).Id;
        var view = await host.InScopeAsync<SegmentService, SegmentView>(s => s.GetAsync(id));
        ActAs(host, admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            host.InScopeAsync<SegmentService, SegmentSaveResult>(s => s.UpdateAsync(id, new SegmentInput("Renamed", null, YoungBuyers, view.ConcurrencyStamp))));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<SegmentService, SegmentDeletion>(s => s.DeleteAsync(id)));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal("Young buyers", (await db.Segments.SingleAsync()).Name);
    }

    [Fact]
    public async Task Update_ChangedRules_AreAuditedFieldByField()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var id = (await CreateAsync(host, "Young buyers", YoungBuyers)).Id;
        var view = await host.InScopeAsync<SegmentService, SegmentView>(s => s.GetAsync(id));

        var saved = await host.InScopeAsync<SegmentService, SegmentSaveResult>(s =>
            s.UpdateAsync(id, new SegmentInput("Young buyers", null, One(Attribute("age_band", "35-44")), view.ConcurrencyStamp)));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.SegmentUpdated);
        Assert.Equal(
            (true, "Rules: “age_band is 25-34 and at least 1 purchase” → “age_band is 35-44”"),
            (saved.Succeeded, string.Join("; ", AuditSentence.Changes(entry).Where(c => c.Changed).Select(c => $"{c.Field}: “{c.Before}” → “{c.After}”"))));
    }

    [Fact]
    public async Task Update_WithAStaleStamp_IsRefusedAndKeepsTheOtherPersonsChange()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var id = (await CreateAsync(host, "Young buyers", YoungBuyers)).Id;
        var opened = await host.InScopeAsync<SegmentService, SegmentView>(s => s.GetAsync(id));
        await host.InScopeAsync<SegmentService, SegmentSaveResult>(s => s.UpdateAsync(id, new SegmentInput("First change", null, YoungBuyers, opened.ConcurrencyStamp)));

        var stale = await host.InScopeAsync<SegmentService, SegmentSaveResult>(s => s.UpdateAsync(id, new SegmentInput("Second change", null, YoungBuyers, opened.ConcurrencyStamp)));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(
            ("“First change” was changed by someone else since you opened it; reload it to see their change, then make yours again.", "First change"),
            (stale.Problems.Single().Message, (await db.Segments.SingleAsync()).Name));
    }

    [Fact]
    public async Task Delete_NamesTheCampaignsThatLoseTheirAudienceAndClearsTheirSegment()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var id = (await CreateAsync(host, "Young buyers", YoungBuyers)).Id;
        var spring = await AddCampaignAsync(host, admin.TenantId, "Spring picks", id);
        await AddCampaignAsync(host, admin.TenantId, "Autumn picks", id);
        var listed = await host.InScopeAsync<SegmentService, IReadOnlyList<SegmentView>>(s => s.ListAsync());

        var deleted = await host.InScopeAsync<SegmentService, SegmentDeletion>(s => s.DeleteAsync(id));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(
            ("Autumn picks, Spring picks", "“Young buyers” deleted. The campaigns “Autumn picks” and “Spring picks” have no audience now; choose another segment for them.", null, 0),
            (string.Join(", ", listed.Single().Campaigns.Select(c => c.Name)), deleted.Message,
             (await db.Campaigns.SingleAsync(c => c.Id == spring)).SegmentId, await db.Segments.CountAsync()));
    }

    [Fact]
    public async Task Delete_IsAuditedWithTheCampaignsThatLostTheirAudience()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var id = (await CreateAsync(host, "Young buyers", YoungBuyers)).Id;
        await AddCampaignAsync(host, admin.TenantId, "Spring picks", id);

        await host.InScopeAsync<SegmentService, SegmentDeletion>(s => s.DeleteAsync(id));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.SegmentDeleted);
        Assert.Equal(("Deleted the segment “Young buyers”.", "Spring picks"), (AuditSentence.Describe(entry), AuditFields.Value(AuditFields.Read(entry.Before), "Campaigns")));
    }

    [Fact]
    public async Task Estimate_ForAComplianceOfficer_IsExactAndSpendsNothing()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        ActAs(host, admin, Roles.ComplianceOfficer);

        var estimate = await host.InScopeAsync<SegmentService, SegmentEstimate>(s => s.EstimateAsync(One(Attribute("age_band", "25-34"))));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(("2 end-users · exact", 0), (estimate.Text, await db.PrivacyBudgetLedger.CountAsync()));
    }

    [Fact]
    public async Task Estimate_ForAMarketer_IsNoisyLabelledAndPaidOnceForTheCanonicalRules()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        ActAs(host, admin, Roles.Marketer);

        var first = await host.InScopeAsync<SegmentService, SegmentEstimate>(s => s.EstimateAsync(One(Attribute("age_band", "25-34"))));
        var respelled = await host.InScopeAsync<SegmentService, SegmentEstimate>(s => s.EstimateAsync(One(Attribute("Age_Band", "25-34 "))));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var line = await db.PrivacyBudgetLedger.SingleAsync();
        Assert.Equal(
            (ReleaseKind.Noisy, $"about {PlainWords.Counted(first.Count!.Value, "end-user")} · noisy (ε 0.5)", first.Count, SegmentService.SizeQuery(One(Attribute("age_band", "25-34")))),
            (first.Kind, first.Text, respelled.Count, line.Query));
    }

    [Fact]
    public async Task Estimate_BudgetSpent_SaysSoInsteadOfANumber()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        ActAs(host, admin, Roles.Marketer);
        for (var days = 1; days <= 20; days++)
        {
            var rules = One(new SegmentRule(SegmentRuleKind.LastActive, SegmentOperator.Is, Number: days));
            await host.InScopeAsync<SegmentService, SegmentEstimate>(s => s.EstimateAsync(rules));
        }

        var refused = await host.InScopeAsync<SegmentService, SegmentEstimate>(s => s.EstimateAsync(One(Attribute("age_band", "25-34"))));

        Assert.Equal(
            (ReleaseKind.Refused, (long?)null, DifferentialPrivacyService.RefusalText(10, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc))),
            (refused.Kind, refused.Count, refused.Text));
    }

    [Fact]
    public async Task Estimate_OfRulesThatCannotBeSaved_GivesTheirProblemsAndSpendsNothing()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        ActAs(host, admin, Roles.Marketer);

        var estimate = await host.InScopeAsync<SegmentService, SegmentEstimate>(s => s.EstimateAsync(One(Attribute("gender", "female"))));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(
            ("“gender” is marked sensitive: it groups people in bias audits and may not choose who is targeted.", (long?)null, 0),
            (estimate.Text, estimate.Count, await db.PrivacyBudgetLedger.CountAsync()));
    }

    [Fact]
    public async Task Vocabulary_OffersNonSensitiveAttributesCategoriesAndPurposes()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        ActAs(host, admin, Roles.ComplianceOfficer);

        var vocabulary = await host.InScopeAsync<SegmentService, SegmentVocabulary>(s => s.VocabularyAsync());

        Assert.Equal(
            ("age_band: 25-34, 35-44", "gender", "Books, Garden", $"{ConsentPurpose.Personalisation}, {ConsentPurpose.Analytics}, {ConsentPurpose.MarketingMessages}"),
            (string.Join("; ", vocabulary.Attributes.Select(a => $"{a.Key}: {string.Join(", ", a.Values)}")), string.Join(", ", vocabulary.SensitiveKeys),
             string.Join(", ", vocabulary.Categories), string.Join(", ", vocabulary.ConsentPurposes)));
    }

    [Fact]
    public async Task List_IsOnlyTheCallersOrganisations()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        await CreateAsync(host, "Young buyers", YoungBuyers);
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Other Org", "other@example.test");

        var listed = await host.InScopeAsync<SegmentService, IReadOnlyList<SegmentView>>(s => s.ListAsync());

        Assert.Empty(listed);
    }

    private static Task<SegmentSaveResult> CreateAsync(Support.TestHost host, string name, SegmentDefinition definition) =>
        host.InScopeAsync<SegmentService, SegmentSaveResult>(s => s.CreateAsync(new SegmentInput(name, null, definition)));
}
