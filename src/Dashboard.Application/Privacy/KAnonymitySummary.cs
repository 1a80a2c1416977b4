using System.Globalization;

namespace Dashboard.Application.Privacy;

/// <summary>One line in words per k-anonymity figure, for the Privacy page and the privacy report.</summary>
public static class KAnonymitySummary
{
    public static string Describe(KAnonymityFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var set = string.Join(" + ", figures.QuasiIdentifiers);
        if (figures.EndUsers == 0)
        {
            return $"{set}: there are no end-users yet.";
        }

        if (figures.EndUsersSuppressed == figures.EndUsers)
        {
            return figures.K > figures.EndUsers
                ? string.Create(CultureInfo.InvariantCulture, $"{set}: k = {figures.K} is larger than the {figures.EndUsers:N0} end-users, so every end-user's quasi-identifiers are suppressed.")
                : string.Create(CultureInfo.InvariantCulture, $"{set}: no combination is shared by {figures.K} end-users, so every end-user's quasi-identifiers are suppressed; coarsen the generalisation.");
        }

        return figures.EndUsersSuppressed == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{set}: k = {figures.KAchieved} achieved over {figures.EquivalenceClasses:N0} groups; nobody suppressed.")
            : string.Create(CultureInfo.InvariantCulture,
                $"{set}: k = {figures.KAchieved} achieved over {figures.EquivalenceClasses:N0} groups; the quasi-identifiers of {figures.EndUsersSuppressed:N0} of {figures.EndUsers:N0} end-users are suppressed.");
    }
}
