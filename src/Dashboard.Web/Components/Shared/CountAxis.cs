using MudBlazor;
using MudBlazor.Charts;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// Chart options for series of counts. MudChart spaces its vertical ticks 20 apart by default, which
/// draws a first import's handful of interactions as slivers at the bottom of a 0–20 axis; this picks
/// a 1-2-5 step for about five ticks over the largest value instead.
/// </summary>
public static class CountAxis
{
    /// <summary>Counts start at zero (a line floating on an axis from 400 exaggerates every dip) and read "26,879", not "26879".</summary>
    public static LineChartOptions ForLine(IEnumerable<ChartSeries<double>> series)
    {
        var options = With<LineChartOptions>(series);
        options.YAxisRequireZeroPoint = true;
        options.ClampToZero = true;
        return options;
    }

    public static BarChartOptions ForBars(IEnumerable<ChartSeries<double>> series) => With<BarChartOptions>(series);

    private static T With<T>(IEnumerable<ChartSeries<double>> series)
        where T : DefaultAxisChartOptions, new()
    {
        ArgumentNullException.ThrowIfNull(series);
        var max = series.SelectMany(s => s.Data.Values).DefaultIfEmpty(0).Max();
        return new T { YAxisTicks = Step(max), YAxisFormat = "N0" };
    }

    /// <summary>1 up to 5, then the 1-2-5 step nearest above a fifth of <paramref name="max"/>.</summary>
    public static int Step(double max)
    {
        if (!double.IsFinite(max) || max <= 5)
        {
            return 1;
        }

        var raw = max / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return (int)Math.Min(int.MaxValue, nice * magnitude);
    }
}
