using System.Globalization;

namespace Dashboard.Application.Campaigns;

/// <summary>How a campaign's rates read on the page and in the verdict: "10.4 %", and two decimals below 1 % where one would show "0.0 %".</summary>
public static class CampaignResultsText
{
    public static string Percent(double share)
    {
        var percent = share * 100;
        return string.Create(CultureInfo.InvariantCulture, $"{percent.ToString(percent is > 0 and < 1 ? "0.00" : "0.0", CultureInfo.InvariantCulture)} %");
    }

    public static string Percent(double? share, string whenMissing) => share is { } value ? Percent(value) : whenMissing;
}
