using System.Globalization;
using Dashboard.Application.Privacy;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// What the campaign's preview panel shows: its segment's size as the caller may see it (exact, noised, or the refusal
/// when the month's privacy budget is spent) and a few sampled members with their arm and list. <see cref="Problem"/>
/// says why there is nothing to preview (no segment).
/// </summary>
/// <param name="Round">Which sample this is: 0 first, 1 after one "show others", …</param>
public sealed record CampaignPreview(string? SegmentName, PrivateCounts? Size, IReadOnlyList<CampaignPreviewMember> Members, int Round, bool HasOthers, string? Problem)
{
    public const string SizeGroup = Segments.SegmentService.SizeGroup;

    /// <summary>"1,234 end-users · exact", "about 1,230 end-users · noisy (ε 0.5)", or the refusal sentence.</summary>
    public string? SizeText => Size switch
    {
        null => null,
        { Kind: ReleaseKind.Refused } refused => refused.Label,
        { } released when released.CountOf(SizeGroup) is { } count => string.Create(CultureInfo.InvariantCulture,
            $"{(released.Kind == ReleaseKind.Noisy ? "about " : string.Empty)}{Math.Max(0, count):N0} end-users · {released.Label}"),
        _ => null,
    };

    public static CampaignPreview Nothing(string problem) => new(null, null, [], 0, false, problem);
}
