using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// A segment's size as the caller may see it: exact for those who may manage privacy, otherwise with
/// differential-privacy noise and said to be approximate, or the budget's refusal; or, for rules that cannot be
/// evaluated, the problems with them.
/// </summary>
public sealed record SegmentEstimate(ReleaseKind Kind, long? Count, string Label, IReadOnlyList<FieldMessage> Problems)
{
    public static SegmentEstimate Invalid(IReadOnlyList<FieldMessage> problems) => new(ReleaseKind.Refused, null, string.Empty, problems);

    /// <summary>"1,234 end-users · exact", "about 1,230 end-users · noisy (ε 0.5)", the budget's refusal, or the first problem.</summary>
    public string Text => Problems.Count > 0 ? Problems[0].Message
        : Count is not { } count ? Label
        : Kind == ReleaseKind.Exact ? $"{PlainWords.Counted(count, "end-user")} · {Label}"
        : $"about {PlainWords.Counted(count, "end-user")} · {Label}";
}
