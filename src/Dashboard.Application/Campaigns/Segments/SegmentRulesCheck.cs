using System.Globalization;
using Dashboard.Application.Blends;
using Dashboard.Domain.Data;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// Whether a segment's rules may be saved or estimated in this organisation, with a sentence per problem at the
/// field it concerns ("Definition.Groups[0].Rules[1].Key"), and the rules written the one way they are stored and
/// counted (the organisation's spelling of keys, categories and purposes; only the fields each kind uses), so two
/// spellings of one segment are one query to the privacy budget.
/// </summary>
public static class SegmentRulesCheck
{
    public const int MaxRules = 20;
    public const int MaxGroups = 10;
    public const int MaxDays = 3650;
    public const int MaxPurchases = 10_000;

    public const string Field = "Definition";

    public static IReadOnlyList<FieldMessage> Validate(SegmentDefinition? definition, SegmentVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (definition is null)
        {
            return [new(Field, "The segment has no rules; add one, or save it with none to mean every end-user.")];
        }

        var problems = new List<FieldMessage>();
        if (!Enum.IsDefined(definition.Match))
        {
            problems.Add(new(Field, "Say whether every group must hold or any one of them."));
        }

        var rules = definition.Groups.Sum(g => g.Rules.Count);
        if (rules > MaxRules)
        {
            problems.Add(new(Field, $"A segment has at most {MaxRules} rules; this one has {rules}."));
        }

        if (definition.Groups.Count > MaxGroups)
        {
            problems.Add(new(Field, $"A segment has at most {MaxGroups} groups; this one has {definition.Groups.Count}."));
        }

        for (var g = 0; g < definition.Groups.Count; g++)
        {
            var group = definition.Groups[g];
            if (!Enum.IsDefined(group.Match))
            {
                problems.Add(new($"{Field}.Groups[{g}]", "Say whether every rule of the group must hold or any one of them."));
            }

            for (var r = 0; r < group.Rules.Count; r++)
            {
                if (Problem(group.Rules[r], vocabulary) is { } problem)
                {
                    problems.Add(new($"{Field}.Groups[{g}].Rules[{r}].{problem.Field}", problem.Message));
                }
            }
        }

        return problems;
    }

    /// <summary>The rules as stored; call only on rules <see cref="Validate"/> accepted. Empty groups are dropped (they set no condition).</summary>
    public static SegmentDefinition Canonical(SegmentDefinition definition, SegmentVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new SegmentDefinition(definition.Match, [.. definition.Groups.Where(g => g.Rules.Count > 0)
            .Select(g => new SegmentGroup(g.Match, [.. g.Rules.Select(r => Canonical(r, vocabulary))]))]);
    }

    private static SegmentRule Canonical(SegmentRule rule, SegmentVocabulary vocabulary) => rule.Kind switch
    {
        SegmentRuleKind.Attribute => new(rule.Kind, rule.Operator, Key: Resolve(vocabulary.Attributes.Select(a => a.Key), rule.Key), Value: rule.Value!.Trim()),
        SegmentRuleKind.LastActive or SegmentRuleKind.Purchases => new(rule.Kind, rule.Operator, Number: rule.Number),
        SegmentRuleKind.CategoryBought => new(rule.Kind, rule.Operator, Value: Resolve(vocabulary.Categories, rule.Value)),
        _ => new(rule.Kind, rule.Operator, Key: Resolve(vocabulary.ConsentPurposes, rule.Key)),
    };

    private static (string Field, string Message)? Problem(SegmentRule rule, SegmentVocabulary vocabulary)
    {
        if (rule is null)
        {
            return ("Kind", "This rule is empty; choose what it looks at.");
        }

        var isOrIsNot = rule.Operator is SegmentOperator.Is or SegmentOperator.IsNot;
        switch (rule.Kind)
        {
            case SegmentRuleKind.Attribute:
                var key = rule.Key?.Trim();
                if (string.IsNullOrEmpty(key))
                {
                    return ("Key", "Choose an attribute.");
                }

                if (Resolve(vocabulary.SensitiveKeys, key) is { } sensitive)
                {
                    return ("Key", $"“{sensitive}” is marked sensitive: it groups people in bias audits and may not choose who is targeted.");
                }

                if (Resolve(vocabulary.Attributes.Select(a => a.Key), key) is null)
                {
                    return ("Key", $"No end-user has the attribute “{key}”; choose one of the organisation's attributes.");
                }

                if (string.IsNullOrWhiteSpace(rule.Value) || rule.Value.Trim().Length > EndUserAttribute.ValueMaxLength)
                {
                    return ("Value", $"Give a value of “{key}” (at most {EndUserAttribute.ValueMaxLength} characters).");
                }

                return isOrIsNot ? null : ("Operator", "An attribute rule says “is” or “is not”.");
            case SegmentRuleKind.LastActive:
                if (rule.Number is not (>= 1 and <= MaxDays))
                {
                    return ("Number", string.Create(CultureInfo.InvariantCulture, $"Give a number of days from 1 to {MaxDays:N0}."));
                }

                return isOrIsNot ? null : ("Operator", "An activity rule says “active” or “not active” within the days.");
            case SegmentRuleKind.Purchases:
                if (rule.Number is not (>= 0 and <= MaxPurchases))
                {
                    return ("Number", string.Create(CultureInfo.InvariantCulture, $"Give a number of purchases from 0 to {MaxPurchases:N0}."));
                }

                return rule.Operator is SegmentOperator.AtLeast or SegmentOperator.AtMost ? null : ("Operator", "A purchases rule says “at least” or “at most”.");
            case SegmentRuleKind.CategoryBought:
                if (string.IsNullOrWhiteSpace(rule.Value))
                {
                    return ("Value", "Choose a category.");
                }

                if (Resolve(vocabulary.Categories, rule.Value) is null)
                {
                    return ("Value", $"There is no category “{rule.Value.Trim()}”; choose one of the organisation's item categories.");
                }

                return isOrIsNot ? null : ("Operator", "A category rule says “bought” or “never bought”.");
            case SegmentRuleKind.Consent:
                if (string.IsNullOrWhiteSpace(rule.Key))
                {
                    return ("Key", "Choose a consent purpose.");
                }

                if (Resolve(vocabulary.ConsentPurposes, rule.Key) is null)
                {
                    return ("Key", $"There is no consent purpose “{rule.Key.Trim()}”; choose one of {string.Join(", ", vocabulary.ConsentPurposes)}.");
                }

                return isOrIsNot ? null : ("Operator", "A consent rule says “has” or “has not”.");
            default:
                return ("Kind", "Choose what the rule looks at: an attribute, activity, purchases, a category bought or consent.");
        }
    }

    /// <summary>The organisation's spelling of <paramref name="text"/>, matched without regard to case; null when it has none.</summary>
    private static string? Resolve(IEnumerable<string> names, string? text)
    {
        var wanted = text?.Trim();
        return string.IsNullOrEmpty(wanted) ? null : names.FirstOrDefault(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
