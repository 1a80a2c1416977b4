using Bunit;
using Dashboard.Domain.Identity;
using Dashboard.Web.Components.Pages.BiasAudits;
using Dashboard.Web.Tests.Support;
using MudBlazor;

namespace Dashboard.Web.Tests.Components.BiasAudits;

public sealed class BiasAuditsPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_compliance_officer_sees_the_versions_waiting_for_review_on_top()
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, Roles.ComplianceOfficer);

        var page = context.Bunit.Render<BiasAuditsPage>();

        Assert.Matches(@"^\d+ versions? waits? for your review$", page.WaitForElement("[data-testid=review-queue-title]", Wait).TextContent.Trim());
        Assert.Contains(page.FindAll("[data-testid=review-queue-item]"), a => a.GetAttribute("href") == $"/bias-audits/{context.HeldAuditId}");
    }

    [Fact]
    public async Task A_marketer_sees_the_audits_with_their_status_but_no_review_queue()
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, Roles.Marketer);

        var page = context.Bunit.Render<BiasAuditsPage>();

        var link = page.WaitForElement($"[data-testid=audit-link][href='/bias-audits/{context.HeldAuditId}']", Wait);
        var row = link.Closest("tr")!;
        Assert.Contains("Blocking — waiting for review", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=review-queue]"));
    }

    [Theory]
    [InlineData(Roles.Marketer, "30–99")]
    [InlineData(Roles.ComplianceOfficer, "80")]
    public async Task The_lists_end_user_count_is_exact_only_for_those_who_may_see_exact_sizes(string role, string endUsers)
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, role);

        var page = context.Bunit.Render<BiasAuditsPage>();

        var row = page.WaitForElement($"[data-testid=audit-link][href='/bias-audits/{context.HeldAuditId}']", Wait).Closest("tr")!;
        Assert.Equal(endUsers, row.QuerySelector("[data-testid=audit-end-users]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Thresholds_are_read_only_for_a_marketer_with_a_sentence_saying_who_can_change_them()
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, Roles.Marketer);

        var panel = context.Bunit.Render<ThresholdsPanel>();

        Assert.Contains("Only a compliance officer can change", panel.WaitForElement("[data-testid=thresholds-read-only]", Wait).TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=thresholds-save]"));
        Assert.True(panel.Find("input[data-testid=ratio-lower]").HasAttribute("readonly"));
        Assert.Empty(panel.FindAll(".mud-input-numeric-spin"));
        Assert.Empty(panel.FindAll(".mud-input-outlined"));
        Assert.All(panel.FindAll(".mud-switch input"), s => Assert.True(s.HasAttribute("disabled")));
        Assert.NotEmpty(panel.FindAll(".mud-switch input"));
    }

    [Fact]
    public async Task A_refused_threshold_shows_its_message_on_its_field_after_the_confirmation()
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, Roles.ComplianceOfficer);
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var panel = context.Bunit.Render<ThresholdsPanel>();
        var ratio = panel.WaitForComponents<MudNumericField<double>>(Wait).First();
        await panel.InvokeAsync(() => ratio.Instance.ValueChanged.InvokeAsync(1.5));

        panel.Find("[data-testid=thresholds-save]").Click();
        var message = dialogs.WaitForElement(".mud-message-box", Wait).TextContent;
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save thresholds").Click();

        Assert.Contains("Audits from now on are judged by these; past audits keep theirs.", message, StringComparison.Ordinal);
        panel.WaitForAssertion(() => Assert.Contains("The lowest acceptable ratio must be between 0 and 1", panel.Markup, StringComparison.Ordinal), Wait);
    }
}
