using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Recommender.Fairness;
using Dashboard.Web.Components.Pages.BiasAudits;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Components.BiasAudits;

public sealed class WhatIfPanelTests
{
    private static readonly WhatIfSetting Own = new(1, 0, null);

    [Fact]
    public async Task Running_shows_a_row_per_setting_and_marks_the_pareto_optimal_ones()
    {
        var fake = new FakeWhatIf(s => s.MmrLambda < 1
            ? new WhatIfPoint(s, 0.20, 0.90, "region B, NDCG@10", 0, 0)
            : new WhatIfPoint(s, 0.25, 0.50, "region B, Electronics exposure", 2, 2));
        await using var ctx = Context(fake);
        var panel = ctx.Render<WhatIfPanel>(p => p.Add(x => x.VersionId, Guid.NewGuid()).Add(x => x.VersionNumber, 2).Add(x => x.VersionSetting, Own));

        panel.Find("[data-testid=what-if-add]").Click();
        panel.Find("[data-testid=what-if-run]").Click();

        var rows = panel.WaitForElements("[data-testid=what-if-row]");
        Assert.Equal(3, rows.Count);
        Assert.Equal(3, fake.Received!.Count);
        Assert.Equal(Own, fake.Received[0]);
        Assert.Equal(["yes", "yes", "yes"], panel.FindAll("[data-testid=what-if-pareto]").Select(e => e.TextContent.Trim()));
        Assert.NotEmpty(panel.FindAll("[data-testid=what-if-chart] svg"));
    }

    [Fact]
    public void A_setting_beaten_on_both_accuracy_and_fairness_is_not_pareto_optimal()
    {
        WhatIfPoint[] points =
        [
            new(Own, 0.25, 0.50, "B", 2, 2),
            new(Own with { MmrLambda = 0.8 }, 0.26, 0.60, "B", 1, 1),
            new(Own with { MmrLambda = 0.6 }, 0.20, 0.90, "B", 0, 0),
        ];

        Assert.Equal([1, 2], WhatIfPanel.Pareto(points).Order());
    }

    [Fact]
    public async Task Settings_stop_at_five()
    {
        await using var ctx = Context(new FakeWhatIf(s => new WhatIfPoint(s, 0.2, 0.9, "B", 0, 0)));
        var panel = ctx.Render<WhatIfPanel>(p => p.Add(x => x.VersionId, Guid.NewGuid()).Add(x => x.VersionNumber, 2).Add(x => x.VersionSetting, Own));

        for (var i = 0; i < 3; i++)
        {
            panel.Find("[data-testid=what-if-add]").Click();
        }

        Assert.Equal(WhatIfPanel.MaxSettings, panel.FindAll("[data-testid=what-if-setting]").Count);
        Assert.True(panel.Find("[data-testid=what-if-add]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_failed_run_shows_why()
    {
        await using var ctx = Context(new FakeWhatIf(_ => throw new NotFoundException("That model version does not exist.")));
        var panel = ctx.Render<WhatIfPanel>(p => p.Add(x => x.VersionId, Guid.NewGuid()).Add(x => x.VersionNumber, 2).Add(x => x.VersionSetting, Own));

        panel.Find("[data-testid=what-if-run]").Click();

        Assert.Equal("That model version does not exist.", panel.WaitForElement("[data-testid=what-if-error]").TextContent.Trim());
    }

    [Fact]
    public async Task A_blocking_outcome_rate_finding_is_said_to_stay_whatever_the_re_ranking_and_the_cap_says_empty_means_no_cap()
    {
        await using var ctx = Context(new FakeWhatIf(s => new WhatIfPoint(s, 0.2, 0.9, "B", 0, 0)));
        Finding[] blocking =
        [
            new(FigureKind.OutcomeRateRatio, "purchase per add_to_cart", "region", "North", "Electronics", 301, "West", 1_200, 0.13, 0.56, 0.23, null, new FairnessThreshold(0.8, null, true), Verdict.Fail),
            new(FigureKind.ExposureRatio, "exposure", "region", "B", "Books", 40, "others", 40, 0.25, 0.5, 0.5, null, new FairnessThreshold(0.8, null, true), Verdict.Fail),
        ];

        var panel = ctx.Render<WhatIfPanel>(p => p.Add(x => x.VersionId, Guid.NewGuid()).Add(x => x.VersionNumber, 2).Add(x => x.VersionSetting, Own).Add(x => x.BlockingFailures, blocking));

        Assert.Equal(
            "Re-ranking changes what people are shown, not the training data: the blocking finding region North: Electronics outcome-rate ratio stays whatever the setting.",
            panel.Find("[data-testid=what-if-training-data]").TextContent.Trim());
        Assert.Contains("empty: no cap", panel.Find("[data-testid=what-if-setting]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_blocking_outcome_rate_finding_the_panel_says_nothing_about_the_training_data()
    {
        await using var ctx = Context(new FakeWhatIf(s => new WhatIfPoint(s, 0.2, 0.9, "B", 0, 0)));

        var panel = ctx.Render<WhatIfPanel>(p => p.Add(x => x.VersionId, Guid.NewGuid()).Add(x => x.VersionNumber, 2).Add(x => x.VersionSetting, Own));

        Assert.Empty(panel.FindAll("[data-testid=what-if-training-data]"));
    }

    private static BunitContext Context(IWhatIfAudit whatIf)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(whatIf);
        return ctx;
    }

    /// <summary>Answers each setting with the point the test gives, and remembers what it was asked.</summary>
    private sealed class FakeWhatIf(Func<WhatIfSetting, WhatIfPoint> answer) : IWhatIfAudit
    {
        public IReadOnlyList<WhatIfSetting>? Received { get; private set; }

        public Task<IReadOnlyList<WhatIfPoint>> RunAsync(Guid modelVersionId, IReadOnlyList<WhatIfSetting> settings, CancellationToken cancellationToken)
        {
            Received = settings;
            return Task.FromResult<IReadOnlyList<WhatIfPoint>>([.. settings.Select(answer)]);
        }
    }
}
