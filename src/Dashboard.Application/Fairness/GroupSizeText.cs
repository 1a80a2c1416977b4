using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Domain.Identity;

namespace Dashboard.Application.Fairness;

/// <summary>
/// How a bias audit names a group's size. Exact counts of end-users per sensitive group are aggregates about
/// people: compliance officers and those who manage privacy see them; others see the size band (enough to weigh a
/// figure, too coarse to single anyone out), with no differential-privacy budget spent.
/// </summary>
public static class GroupSizeText
{
    public static bool SeesExactSizes(CallerContext caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Can(Policies.SignOffAudits) || caller.Can(Policies.ManagePrivacy);
    }

    /// <summary>
    /// A group's share of something counted per end-user (e.g. of all recommendation slots): to one decimal for
    /// those who see exact sizes; otherwise to the nearest 5 %, since an exact share times the total gives the size back.
    /// </summary>
    public static string Share(double share, bool exact)
    {
        if (!double.IsFinite(share))
        {
            return "—";
        }

        return exact
            ? (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %"
            : "about " + (Math.Round(share * 20, MidpointRounding.AwayFromZero) * 5).ToString("0", CultureInfo.InvariantCulture) + " %";
    }

    public static string Describe(int endUsers, bool exact) => exact
        ? endUsers.ToString("N0", CultureInfo.InvariantCulture)
        : endUsers switch
        {
            < 30 => "fewer than 30",
            < 100 => "30–99",
            < 1_000 => "100–999",
            < 10_000 => "1,000–9,999",
            _ => "10,000 or more",
        };
}
