using Dashboard.Application.Campaigns.Segments;

namespace Dashboard.Web.Components.Pages.Campaigns.Segments;

/// <summary>One group of rules as the editor holds it: whether all or any of its rules must hold.</summary>
public sealed class SegmentGroupForm
{
    public SegmentMatch Match { get; set; } = SegmentMatch.All;

    public List<SegmentRuleForm> Rules { get; } = [];

    public static SegmentGroupForm From(SegmentGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var form = new SegmentGroupForm { Match = group.Match };
        form.Rules.AddRange(group.Rules.Select(SegmentRuleForm.From));
        return form;
    }

    public SegmentGroup ToGroup() => new(Match, [.. Rules.Select(r => r.ToRule())]);
}
