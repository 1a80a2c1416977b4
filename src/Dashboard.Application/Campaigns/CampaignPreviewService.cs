using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Training;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// The campaign page's preview: how many end-users its segment holds today (exact for those who manage privacy,
/// otherwise through the differential-privacy service, asked with the segment's definition so the same question in a
/// month costs nothing more), and for a few of them, sampled the same way every time, their arm and the list it
/// would serve them now — made by <see cref="CampaignLists.For(ActiveModel, CampaignRules, string, int, bool, IReadOnlyList{Recommender.Serving.RecentEvent}, bool)"/>,
/// as serving and exports make it, with explanations. Read-only; needs ViewDashboard.
/// </summary>
public sealed class CampaignPreviewService(
    ICurrentUser currentUser, ITenantDbContextFactory dbFactory, SegmentEvaluator segments, DifferentialPrivacyService privacy, IActiveModelCache models,
    RecommendationServingService serving, IConsentGate consent, RecommendationPreviewService recommendations, TimeProvider time)
{
    public const int SampleSize = 4;

    /// <param name="round">0 for the first sample; each further round shows the next members in the same fixed order, wrapping around.</param>
    public async Task<CampaignPreview> PreviewAsync(Guid campaignId, int round = 0, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        Campaign campaign;
        Segment? segment;
        SegmentMembers? members = null;
        Dictionary<Guid, string> blendNames;
        await using (var db = dbFactory.CreateForTenant(caller.TenantId))
        {
            campaign = await db.Campaigns.AsNoTracking().Include(c => c.Arms).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
                ?? throw new NotFoundException("That campaign does not exist.");
            segment = campaign.SegmentId is { } segmentId ? await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == segmentId, cancellationToken) : null;
            blendNames = await db.Blends.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
            if (segment is not null)
            {
                members = await segments.MembersAsync(db, SegmentDefinition.Parse(segment.DefinitionJson), now, cancellationToken);
            }
        }

        if (segment is null || members is null)
        {
            return CampaignPreview.Nothing("Choose a segment for the campaign to see who it reaches and what they would get.");
        }

        // The segment editor's question for the same rules (stored canonical), so the size asked there this month is not paid for again.
        var size = await privacy.CountsAsync(
            SegmentService.SizeQuery(SegmentDefinition.Parse(segment.DefinitionJson)), [new PrivateCount(SegmentService.SizeGroup, members.Count)], 1, cancellationToken);
        var arms = campaign.Arms.OrderBy(a => a.Position).ToList();
        var rules = CampaignRules.Parse(campaign.RulesJson);
        var shown = new List<CampaignPreviewMember>();
        foreach (var (endUserId, arm) in Sample(campaign.Id, arms, members.StoredIds, Math.Max(0, round)))
        {
            var blendName = arm.BlendId is { } blendId && blendNames.TryGetValue(blendId, out var name) ? name : CampaignService.BlendDeleted;
            var history = await recommendations.HistoryAsync(endUserId, cancellationToken);
            var active = arm.BlendId is { } id ? await models.GetAsync(caller.TenantId, id.ToString("D"), cancellationToken) : null;
            if (active is null)
            {
                var why = arm.BlendId is null
                    ? $"Arm {arm.Name}'s blend was deleted, so this end-user would get no list."
                    : $"The blend “{blendName}” has no active version yet, so arm {arm.Name} has no list to give.";
                shown.Add(new CampaignPreviewMember(endUserId, arm.Name, blendName, null, null, why, history));
                continue;
            }

            var personalise = await consent.AllowsAsync(caller.TenantId, ConsentPurpose.Personalisation, endUserId, cancellationToken);
            var recent = personalise ? await serving.RecentEventsAsync(caller.TenantId, active.VersionId, endUserId, cancellationToken) : [];
            var list = CampaignLists.For(active, rules, endUserId, campaign.ListSize, personalise, recent, explain: true);
            shown.Add(new CampaignPreviewMember(endUserId, arm.Name, blendName, active.VersionNumber, list, null, history));
        }

        return new CampaignPreview(segment.Name, size, shown, round, members.Count > SampleSize, null);
    }

    /// <summary>
    /// Members in a fixed order of their own (a hash of the campaign and the member, apart from the one that assigns
    /// arms, so the order does not group the arms, and the same people come first on every visit), from the round's
    /// offset: the first member of each arm, so every arm is shown, then the next ones in order.
    /// </summary>
    internal static List<(string EndUserId, CampaignArm Arm)> Sample(Guid campaignId, IReadOnlyList<CampaignArm> arms, IReadOnlyList<string> storedIds, int round)
    {
        if (storedIds.Count == 0 || arms.Count == 0)
        {
            return [];
        }

        var ordered = storedIds.OrderBy(id => SampleKey(campaignId, id)).ThenBy(id => id, StringComparer.Ordinal).ToList();
        var start = (int)((long)round * SampleSize % ordered.Count);
        var wanted = Math.Min(SampleSize, ordered.Count);
        var inOrder = new List<(string EndUserId, CampaignArm Arm, int Index)>();
        var firstOfArm = new Dictionary<Guid, (string EndUserId, CampaignArm Arm, int Index)>();
        var index = 0;
        foreach (var id in ordered.Skip(start).Concat(ordered.Take(start)))
        {
            var member = (id, ArmAssignment.Assign(arms, campaignId, id), index++);
            if (inOrder.Count < wanted)
            {
                inOrder.Add(member);
            }

            firstOfArm.TryAdd(member.Item2.Id, member);
            if (inOrder.Count == wanted && firstOfArm.Count == arms.Count)
            {
                break;
            }
        }

        var picked = firstOfArm.Values.OrderBy(m => m.Index).Take(wanted).ToList();
        foreach (var member in inOrder.Where(m => !picked.Contains(m)))
        {
            if (picked.Count == wanted)
            {
                break;
            }

            picked.Add(member);
        }

        return [.. picked.OrderBy(m => m.Index).Select(m => (m.EndUserId, m.Arm))];
    }

    private static ulong SampleKey(Guid campaignId, string storedEndUserId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"preview:{campaignId:N}:{storedEndUserId}"), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
