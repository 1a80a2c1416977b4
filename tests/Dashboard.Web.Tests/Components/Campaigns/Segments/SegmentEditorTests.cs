using Bunit;
using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Domain.Identity;
using Dashboard.Web.Components.Pages.Campaigns.Segments;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Components.Campaigns.Segments;

public sealed class SegmentEditorTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    /// <summary>The first estimate reads the organisation's facts; a busy machine can take a while.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static readonly SegmentVocabulary Vocabulary = new([new SegmentAttributeChoice("age_band", ["25-34", "35-44"])], ["gender", "region"], ["Books"], ["Personalisation"]);

    [Fact]
    public async Task Estimate_ForAComplianceOfficer_IsExact()
    {
        await using var context = await SegmentPagesContext.StartAsync(factory, Roles.ComplianceOfficer);

        var editor = Render(context, SegmentDefinition.Everyone);

        editor.WaitForAssertion(() => Assert.EndsWith("end-users · exact", editor.Find("[data-testid=segment-estimate]").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task Estimate_ForAMarketer_IsLabelledNoisy()
    {
        await using var context = await SegmentPagesContext.StartAsync(factory, Roles.Marketer);

        var editor = Render(context, SegmentDefinition.Everyone);

        editor.WaitForAssertion(() => Assert.StartsWith("about ", editor.Find("[data-testid=segment-estimate]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("noisy (ε", editor.Find("[data-testid=segment-estimate]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SensitiveAttributes_AreNamedWithTheReasonTheyAreNotOffered()
    {
        await using var context = await SegmentPagesContext.StartAsync(factory, Roles.Marketer);

        var editor = Render(context, SegmentDefinition.Everyone);

        Assert.Equal(
            "gender, region are marked sensitive: sensitive attributes group people in bias audits and may not choose who is targeted, so they are not offered.",
            editor.Find("[data-testid=sensitive-note]").TextContent.Trim());
    }

    [Fact]
    public async Task AProblemFromTheService_ShowsUnderItsRule()
    {
        await using var context = await SegmentPagesContext.StartAsync(factory, Roles.Marketer);
        var definition = new SegmentDefinition(SegmentMatch.All,
            [new SegmentGroup(SegmentMatch.Any, [new SegmentRule(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, Number: 1), new SegmentRule(SegmentRuleKind.LastActive, SegmentOperator.Is, Number: 0)])]);

        var editor = Render(context, definition, [new FieldMessage("Definition.Groups[0].Rules[1].Number", "Give a number of days from 1 to 3,650.")]);

        Assert.Equal("Give a number of days from 1 to 3,650.", editor.Find("[data-testid=rule-problem]").TextContent);
    }

    [Fact]
    public async Task AddGroup_PassesUpADefinitionWithANewRule()
    {
        await using var context = await SegmentPagesContext.StartAsync(factory, Roles.Marketer);
        SegmentDefinition? changed = null;
        var editor = context.Bunit.Render<SegmentEditor>(p => p
            .Add(e => e.Definition, SegmentDefinition.Everyone)
            .Add(e => e.Vocabulary, Vocabulary)
            .Add(e => e.EstimateDelay, TimeSpan.Zero)
            .Add(e => e.DefinitionChanged, d => changed = d));

        editor.Find("[data-testid=add-group]").Click();

        Assert.Equal((1, 1, SegmentRuleKind.Attribute), (changed!.Groups.Count, changed.Groups[0].Rules.Count, changed.Groups[0].Rules[0].Kind));
    }

    [Fact]
    public async Task ReadOnly_OffersNoAddOrRemove()
    {
        await using var context = await SegmentPagesContext.StartAsync(factory, Roles.ComplianceOfficer);
        var definition = new SegmentDefinition(SegmentMatch.All, [new SegmentGroup(SegmentMatch.All, [new SegmentRule(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, Number: 1)])]);

        var editor = context.Bunit.Render<SegmentEditor>(p => p
            .Add(e => e.Definition, definition).Add(e => e.Vocabulary, Vocabulary).Add(e => e.ReadOnly, true).Add(e => e.EstimateDelay, TimeSpan.Zero));

        Assert.Empty(editor.FindAll("[data-testid=add-group], [data-testid=add-rule], [data-testid=remove-rule], [data-testid=remove-group]"));
    }

    private static IRenderedComponent<SegmentEditor> Render(SegmentPagesContext context, SegmentDefinition definition, IReadOnlyList<FieldMessage>? problems = null) =>
        context.Bunit.Render<SegmentEditor>(p => p
            .Add(e => e.Definition, definition)
            .Add(e => e.Vocabulary, Vocabulary)
            .Add(e => e.Problems, problems ?? [])
            .Add(e => e.EstimateDelay, TimeSpan.Zero));
}
