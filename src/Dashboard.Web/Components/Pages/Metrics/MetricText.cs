using System.Globalization;

namespace Dashboard.Web.Components.Pages.Metrics;

/// <summary>How the Metrics page writes a measure: shares to four decimals, larger figures (novelty in bits) to two.</summary>
internal static class MetricText
{
    public const string Numeric = "text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap";

    public static string Format(double value) =>
        value.ToString(Math.Abs(value) <= 1 ? "0.0000" : "0.00", CultureInfo.InvariantCulture);

    public static string Signed(double value) =>
        value.ToString(Math.Abs(value) <= 1 ? "+0.0000;−0.0000;0.0000" : "+0.00;−0.00;0.00", CultureInfo.InvariantCulture);
}
