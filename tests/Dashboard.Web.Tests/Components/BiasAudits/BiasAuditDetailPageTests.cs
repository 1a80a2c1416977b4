using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Dashboard.Web.Components.Pages.BiasAudits;
using Dashboard.Web.Tests.Support;
using MudBlazor;

namespace Dashboard.Web.Tests.Components.BiasAudits;

public sealed class BiasAuditDetailPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Findings_read_as_sentences_with_the_blocking_failures_first()
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, Roles.ComplianceOfficer);

        var page = context.Bunit.Render<BiasAuditDetailPage>(p => p.Add(x => x.Id, context.HeldAuditId));

        var first = page.WaitForElement("[data-testid=findings] .mud-typography", Wait);
        Assert.Equal("finding-blocking", first.GetAttribute("data-testid"));
        Assert.EndsWith("— blocking (40 end-users against 40).", first.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charts_carry_the_threshold_and_the_group_sizes_as_the_reader_may_see_them()
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, Roles.Marketer);

        var page = context.Bunit.Render<BiasAuditDetailPage>(p => p.Add(x => x.Id, context.HeldAuditId));

        var exposure = page.WaitForElement("[data-testid=chart-region-exposure]", Wait);
        Assert.Contains("Threshold: at least 0.8 (blocking)", exposure.TextContent, StringComparison.Ordinal);
        Assert.Equal(["30–99", "30–99"], page.FindAll("[data-testid=group-size]").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task A_ratio_to_the_best_group_draws_only_its_lower_bound_and_the_blocking_failure_is_named_above_its_chart()
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, Roles.Marketer);

        var page = context.Bunit.Render<BiasAuditDetailPage>(p => p.Add(x => x.Id, context.HeldAuditId));

        var quality = page.WaitForElement("[data-testid=chart-region-quality]", Wait);
        Assert.Contains("Threshold: at least 0.8 (blocking)", quality.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("at most", quality.TextContent, StringComparison.Ordinal);
        var failures = page.FindAll("[data-testid=chart-failure]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("B · NDCG@10: 0.50 — below 0.8, blocking", failures);
        Assert.Contains("B · Electronics: 0.50 — below 0.8, blocking", failures);
        Assert.Matches(@"\d+ figures pass their thresholds", page.Find("[data-testid=passing-findings]").TextContent);
    }

    [Theory]
    [InlineData(Roles.Marketer, "about 50 %", "30–99")]
    [InlineData(Roles.ComplianceOfficer, "50.0 %", "80")]
    public async Task Shares_of_slots_and_the_evaluated_total_are_exact_only_for_those_who_may_see_exact_sizes(string role, string share, string total)
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, role);

        var page = context.Bunit.Render<BiasAuditDetailPage>(p => p.Add(x => x.Id, context.HeldAuditId));

        page.WaitForElement("[data-testid=group-slot-share]", Wait);
        Assert.Equal([share, share], page.FindAll("[data-testid=group-slot-share]").Select(e => e.TextContent.Trim()));
        Assert.Contains($"· {total} end-users' held-out lists", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Marketer)]
    [InlineData(Roles.Admin)]
    public async Task Marketers_and_admins_see_who_must_decide_and_no_approve_or_reject(string role)
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, role);

        var page = context.Bunit.Render<BiasAuditDetailPage>(p => p.Add(x => x.Id, context.HeldAuditId));

        Assert.Contains("A compliance officer must approve or reject version 2", page.WaitForElement("[data-testid=review-who-decides]", Wait).TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=review-approve]"));
        Assert.Empty(page.FindAll("[data-testid=review-reject]"));
    }

    [Theory]
    [InlineData(Roles.Marketer)]
    [InlineData(Roles.Admin)]
    public async Task Marketers_and_admins_calling_the_review_service_directly_are_refused(string role)
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, role);
        var reviews = context.Create<ReleaseReviewService>();

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => reviews.ApproveAsync(context.HeldVersionId, "Accepted after reading every finding."));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => reviews.RejectAsync(context.HeldVersionId, "Refused after reading every finding."));
        Assert.Equal(ReleaseReview.AwaitingReview, await context.ReviewOfHeldVersionAsync());
    }

    [Fact]
    public async Task A_compliance_officer_approves_after_a_confirmation_that_says_what_happens()
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, Roles.ComplianceOfficer);
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var page = context.Bunit.Render<BiasAuditDetailPage>(p => p.Add(x => x.Id, context.HeldAuditId));
        var approve = page.WaitForElement("[data-testid=review-approve]", Wait);
        Assert.True(approve.HasAttribute("disabled"));

        page.Find("textarea[data-testid=review-justification]").Input("North's gap is a data artefact we have checked by hand.");
        page.Find("[data-testid=review-approve]").Click();
        var message = dialogs.WaitForElement(".mud-message-box", Wait).TextContent;
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Approve version 2").Click();

        page.WaitForAssertion(() => Assert.Contains("Approved by ComplianceOfficer@demo.local", page.Find("[data-testid=review-decision]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("may go live despite its blocking findings", message, StringComparison.Ordinal);
        Assert.Equal(ReleaseReview.Approved, await context.ReviewOfHeldVersionAsync());
        Assert.Empty(page.FindAll("[data-testid=review-panel]"));
    }

    [Fact]
    public async Task Rejecting_asks_first_saying_the_version_can_never_go_live_and_cancel_changes_nothing()
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, Roles.ComplianceOfficer);
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var page = context.Bunit.Render<BiasAuditDetailPage>(p => p.Add(x => x.Id, context.HeldAuditId));
        page.WaitForElement("textarea[data-testid=review-justification]", Wait).Input("Region B is served half as well; not acceptable.");

        page.Find("[data-testid=review-reject]").Click();
        var message = dialogs.WaitForElement(".mud-message-box", Wait).TextContent;
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        Assert.Contains("can never go live", message, StringComparison.Ordinal);
        Assert.Equal(ReleaseReview.AwaitingReview, await context.ReviewOfHeldVersionAsync());
    }

    [Fact]
    public async Task Another_organisations_or_an_unknown_audit_says_it_does_not_exist()
    {
        await using var context = await BiasAuditPagesContext.StartAsync(factory, Roles.ComplianceOfficer);

        var page = context.Bunit.Render<BiasAuditDetailPage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        Assert.Contains("does not exist", page.WaitForElement("[data-testid=audit-not-found]", Wait).TextContent, StringComparison.Ordinal);
    }
}
