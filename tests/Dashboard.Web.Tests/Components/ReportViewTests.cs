using Bunit;
using Dashboard.Application.Reports;
using Dashboard.Web.Components.Shared;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

public sealed class ReportViewTests
{
    [Fact]
    public async Task BarChart_IsShownAsATableOfItsFigures_WithTheThreshold()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var document = new ReportDocument("Bias audit", "Alpha", new DateTime(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc),
            [new ReportBarChart("NDCG@10 of each group over the best group's", ["North", "South"], [new ReportSeries("NDCG@10 ratio", [0.631, double.NaN])], 0.8, "0.8 threshold")]);

        var view = ctx.Render<ReportView>(p => p.Add(c => c.Document, document));

        var rows = view.FindAll("[data-testid=report-bar-chart] tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["|NDCG@10 ratio|0.8 threshold", "North|0.63|0.80", "South|–|0.80"], rows);
    }
}
