using System.Globalization;

namespace Dashboard.Application.Campaigns;

/// <summary>A campaign's business rules in words, for the pages and the audit log's before and after.</summary>
public static class CampaignRulesText
{
    public const string NoRules = "none";

    public static string Describe(CampaignRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var parts = new List<string>();
        if (rules.IncludeCategories.Count > 0)
        {
            parts.Add($"only {Named("category", "categories", rules.IncludeCategories)}");
        }

        if (rules.ExcludeCategories.Count > 0)
        {
            parts.Add($"never {Named("category", "categories", rules.ExcludeCategories)}");
        }

        if (rules.ExcludeItems.Count > 0)
        {
            parts.Add($"never {Named("item", "items", rules.ExcludeItems)}");
        }

        parts.AddRange(rules.PinnedItems.OrderBy(p => p.Position).Select(p => $"item “{p.ItemId}” pinned at position {p.Position.ToString(CultureInfo.InvariantCulture)}"));
        parts.AddRange(rules.BoostedItems.Select(b => $"item “{b.ItemId}” boosted by {b.Boost.ToString("0.##", CultureInfo.InvariantCulture)}"));
        if (rules.MaxPerCategory is { } cap)
        {
            parts.Add($"at most {cap.ToString(CultureInfo.InvariantCulture)} per category");
        }

        return parts.Count == 0 ? NoRules : string.Join("; ", parts);
    }

    private static string Named(string singular, string plural, IReadOnlyList<string> names) =>
        $"{(names.Count == 1 ? singular : plural)} {string.Join(", ", names.Select(n => $"“{n}”"))}";
}
