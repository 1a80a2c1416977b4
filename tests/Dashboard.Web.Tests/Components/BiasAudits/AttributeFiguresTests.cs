using Bunit;
using Dashboard.Recommender.Fairness;
using Dashboard.Web.Components.Pages.BiasAudits;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.BiasAudits;

public sealed class AttributeFiguresTests
{
    private static readonly FairnessThreshold Ratio = new(0.8, 1.25, Blocking: true);

    [Theory]
    [InlineData(false, "North (100–999)", "West (1,000–9,999)")]
    [InlineData(true, "North (301)", "West (1,200)")]
    public async Task Outcome_charts_name_each_group_with_its_end_users_with_funnel_events_not_its_evaluated_ones(bool exact, string north, string west)
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var audit = new AttributeAudit("region", [Group("North", users: 392, outcomeUsers: 301), Group("West", users: 1_500, outcomeUsers: 1_200)], 0);
        Finding[] findings =
        [
            Outcome("North", 301, 0.23, Verdict.Fail),
            Outcome("West", 1_200, 1, Verdict.Pass),
        ];

        var figures = ctx.Render<AttributeFigures>(p => p
            .Add(x => x.Audit, audit).Add(x => x.Findings, findings).Add(x => x.ExactSizes, exact)
            .Add(x => x.Thresholds, new FairnessThresholds { Ratio = Ratio }));

        var outcomes = figures.FindComponents<ThresholdBarChart>().Single(c => c.Instance.TestId == "chart-region-outcomes");
        Assert.Equal([north, west], outcomes.Instance.Labels);
    }

    private static GroupFigures Group(string name, int users, int outcomeUsers) =>
        new(name, users, false, null, 0.5, 0.3, 10, 0.2, 0.1, [1.0], outcomeUsers, [0.4]);

    private static Finding Outcome(string group, int size, double figure, Verdict verdict) =>
        new(FigureKind.OutcomeRateRatio, "purchase per add_to_cart", "region", group, "Electronics", size, "West", 1_200,
            figure * 0.56, 0.56, figure, null, Ratio, verdict);
}
