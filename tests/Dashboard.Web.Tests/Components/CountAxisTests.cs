using Dashboard.Web.Components.Shared;
using MudBlazor;

namespace Dashboard.Web.Tests.Components;

public sealed class CountAxisTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(7, 2)]
    [InlineData(40, 10)]
    [InlineData(180, 50)]
    [InlineData(5_000, 1_000)]
    public void Step_GivesAboutFiveTicksOfOneTwoOrFive(double max, int step)
    {
        Assert.Equal(step, CountAxis.Step(max));
    }

    [Fact]
    public void FewInteractions_GetTicksOfOne_NotMudChartsDefaultOfTwenty()
    {
        var series = new List<ChartSeries<double>> { new() { Name = "Interactions", Data = new ChartData<double>([1, 2, 1]) } };

        Assert.Equal((1, 1), (CountAxis.ForLine(series).YAxisTicks, CountAxis.ForBars(series).YAxisTicks));
    }
}
