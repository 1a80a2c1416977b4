using Dashboard.Application.Metrics;
using Dashboard.Application.Training;

namespace Dashboard.Application.Tests.Metrics;

public sealed class VersionMetricsJsonTests
{
    [Fact]
    public void ToJson_AComponentThatMadeNoList_IsStoredAndReadAsNotApplicable()
    {
        var silent = new ComponentMetrics("ContentBased", "Content-based", 0.2, 0, 0, 0, 0, 0, double.NaN, null, 0, 50, null, null, null);
        var metrics = new VersionMetrics(0.1, 0.2, 0.3, 0.1, 0.5, 6, 50, [], Components: [silent]);

        var read = VersionMetrics.FromJson(metrics.ToJson());

        var novelty = ComponentMeasures.All.Single(m => m.Name == "Novelty");
        Assert.Equal("No list was made.", novelty.NotApplicable(read.Components![0]));
    }
}
