using System.Globalization;

namespace Dashboard.Web.Components.Pages.Metrics;

/// <summary>How the Metrics page writes a measure: shares to four decimals, larger figures (novelty in bits) to two.</summary>
internal static class MetricText
{
    public const string Numeric = "text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap";

    /// <summary>The column heading of a measure: "P@10" and "R@10" keep every column of the table in view at 1280 pixels.</summary>
    public static string Short(string measure) => measure switch
    {
        "Precision@10" => "P@10",
        "Recall@10" => "R@10",
        _ => measure,
    };

    public static string Format(double value) =>
        value.ToString(Math.Abs(value) <= 1 ? "0.0000" : "0.00", CultureInfo.InvariantCulture);

    public static string Signed(double value) =>
        value.ToString(Math.Abs(value) <= 1 ? "+0.0000;−0.0000;0.0000" : "+0.00;−0.00;0.00", CultureInfo.InvariantCulture);
}
