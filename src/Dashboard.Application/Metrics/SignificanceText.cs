using System.Globalization;

namespace Dashboard.Application.Metrics;

/// <summary>A test's outcome in words a marketer reads without statistics: the change, and how often chance alone would give it.</summary>
public static class SignificanceText
{
    public static string Describe(string measure, double delta, double pValue)
    {
        var change = delta switch
        {
            > 0 => $"{measure} rose by {Amount(delta)}",
            < 0 => $"{measure} fell by {Amount(-delta)}",
            _ => $"{measure} did not change",
        };
        return $"{change}; a difference this large would arise by chance {Chance(pValue)} (Welch's t-test over end-users).";
    }

    /// <summary>The p-value as a frequency: "about 3 times in 100".</summary>
    public static string Chance(double pValue)
    {
        if (pValue < 0.001)
        {
            return "less than once in 1,000";
        }

        if (pValue < 0.01)
        {
            var perThousand = (int)Math.Round(pValue * 1000, MidpointRounding.AwayFromZero);
            return perThousand == 1 ? "about once in 1,000" : $"about {perThousand} times in 1,000";
        }

        var perHundred = (int)Math.Round(pValue * 100, MidpointRounding.AwayFromZero);
        return perHundred switch
        {
            1 => "about once in 100",
            >= 99 => "almost every time",
            _ => $"about {perHundred} times in 100",
        };
    }

    private static string Amount(double value) => value.ToString(value >= 0.001 ? "0.000" : "0.0000", CultureInfo.InvariantCulture);
}
