using Dashboard.Application.Recommendations;
using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// One sampled end-user of a campaign's segment: the arm they are assigned to, and the list that arm would give them now
/// with its explanations — or, in <see cref="Unavailable"/>, why it gives none.
/// </summary>
/// <param name="EndUserId">The id as stored (the pseudonym when the organisation pseudonymises).</param>
/// <param name="History">Their latest interactions, which the explanations name.</param>
public sealed record CampaignPreviewMember(
    string EndUserId, string ArmName, string BlendName, int? VersionNumber, RecommendationList? List, string? Unavailable, IReadOnlyList<PreviewHistoryItem> History);
