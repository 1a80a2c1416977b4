using Dashboard.Application.Campaigns.Segments;

namespace Dashboard.Web.Components.Pages.Campaigns.Segments;

/// <summary>One rule row as the editor holds it while it is changed; <see cref="ToRule"/> keeps only the fields its kind uses.</summary>
public sealed class SegmentRuleForm
{
    public SegmentRuleKind Kind { get; set; } = SegmentRuleKind.Attribute;

    public SegmentOperator Operator { get; set; } = SegmentOperator.Is;

    public string? Key { get; set; }

    public string? Value { get; set; }

    public int? Number { get; set; }

    public static SegmentRuleForm From(SegmentRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new() { Kind = rule.Kind, Operator = rule.Operator, Key = rule.Key, Value = rule.Value, Number = rule.Number };
    }

    /// <summary>Switches what the rule looks at, with the operator and number that kind starts from.</summary>
    public void ChangeKind(SegmentRuleKind kind)
    {
        Kind = kind;
        Key = null;
        Value = null;
        (Operator, Number) = kind switch
        {
            SegmentRuleKind.LastActive => (SegmentOperator.Is, 30),
            SegmentRuleKind.Purchases => (SegmentOperator.AtLeast, 1),
            _ => (SegmentOperator.Is, (int?)null),
        };
    }

    public SegmentRule ToRule() => Kind switch
    {
        SegmentRuleKind.Attribute => new(Kind, Operator, Key: Key, Value: Value),
        SegmentRuleKind.LastActive or SegmentRuleKind.Purchases => new(Kind, Operator, Number: Number),
        SegmentRuleKind.CategoryBought => new(Kind, Operator, Value: Value),
        _ => new(Kind, Operator, Key: Key),
    };
}
