using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
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
