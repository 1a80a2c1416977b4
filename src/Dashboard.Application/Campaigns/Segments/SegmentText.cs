using System.Globalization;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>A segment's rules in words, for the list, the audit log and the campaign pages: "(age_band is 25-34 or age_band is 35-44) and at least 2 purchases".</summary>
public static class SegmentText
{
    public static string Describe(SegmentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var groups = definition.Groups.Where(g => g.Rules.Count > 0).ToList();
        if (groups.Count == 0)
        {
            return "Everyone";
        }

        var parts = groups.Select(g =>
        {
            var text = string.Join(Joiner(g.Match), g.Rules.Select(Describe));
            return groups.Count > 1 && g.Rules.Count > 1 ? $"({text})" : text;
        });
        return string.Join(Joiner(definition.Match), parts);
    }

    public static string Describe(SegmentRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var number = rule.Number ?? 0;
        return rule.Kind switch
        {
            SegmentRuleKind.Attribute => $"{rule.Key} {(rule.Operator == SegmentOperator.IsNot ? "is not" : "is")} {rule.Value}",
            SegmentRuleKind.LastActive => $"{(rule.Operator == SegmentOperator.IsNot ? "not active" : "active")} in the last {Counted(number, "day")}",
            SegmentRuleKind.Purchases => $"{(rule.Operator == SegmentOperator.AtMost ? "at most" : "at least")} {Counted(number, "purchase")}",
            SegmentRuleKind.CategoryBought => $"{(rule.Operator == SegmentOperator.IsNot ? "never bought" : "bought")} in {rule.Value}",
            SegmentRuleKind.Consent => $"{(rule.Operator == SegmentOperator.IsNot ? "no" : "has")} {rule.Key} consent",
            _ => rule.Kind.ToString(),
        };
    }

    /// <summary>“A”, “B” and “C”.</summary>
    public static string Names(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var quoted = names.Select(n => $"“{n}”").ToList();
        return quoted.Count <= 1 ? string.Concat(quoted) : $"{string.Join(", ", quoted.Take(quoted.Count - 1))} and {quoted[^1]}";
    }

    private static string Joiner(SegmentMatch match) => match == SegmentMatch.All ? " and " : " or ";

    private static string Counted(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? noun : noun + "s")}");
}
