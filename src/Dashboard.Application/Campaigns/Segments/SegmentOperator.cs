namespace Dashboard.Application.Campaigns.Segments;

/// <summary>How a rule compares; each <see cref="SegmentRuleKind"/> takes two of these (see <see cref="SegmentRule"/>).</summary>
public enum SegmentOperator
{
    /// <summary>Attribute equals the value; bought the category; consent given; active within the days.</summary>
    Is,

    /// <summary>The opposite of <see cref="Is"/>: includes end-users with no such attribute, purchase, consent or activity.</summary>
    IsNot,

    /// <summary>Purchases: at least the number.</summary>
    AtLeast,

    /// <summary>Purchases: at most the number (zero purchases included).</summary>
    AtMost,
}
