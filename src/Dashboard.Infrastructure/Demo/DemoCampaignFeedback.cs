using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text.Json;
using Dashboard.Application.Campaigns;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Recommendations;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Recommendations;
using Dashboard.Recommender.Serving;

namespace Dashboard.Infrastructure.Demo;

/// <summary>
/// The demo campaign's last <see cref="Days"/> days, simulated: each day every segment member visits with chance
/// <see cref="VisitChance"/> (less in a segment so large that more than <see cref="MaxListsPerDay"/> would visit), gets their arm's list (<see cref="CampaignLists.For"/>, as serving would make it), sees
/// an impression of every item, looks at rank r with chance 1 / log₂(r + 1), and clicks what they look at with the
/// sample generator's own click chance for that end-user and item (<see cref="SampleTastes"/>); a click converts with
/// the generator's purchase chance. So the arm whose blend learnt the generated tastes earns more clicks because the
/// people in the data like its items better, not because a number was set. Deterministic for the seed: the same
/// inputs give the same rows, recommendation ids included.
/// </summary>
public static class DemoCampaignFeedback
{
    public const int Days = 14;

    public const double VisitChance = 0.35;

    /// <summary>
    /// Enough lists for each arm of the demo's 50/50 test to pass the fixed horizon within the 14 days (so the page shows a
    /// verdict, not only "no verdict yet"), while the set-up stays short: about 28,000 feedback rows at most, one transaction.
    /// </summary>
    public const int MaxListsPerDay = 180;

    /// <param name="campaign">The campaign, with its arms, rules and list size.</param>
    /// <param name="itemIds">Database id of each item, by external id.</param>
    /// <param name="todayUtc">Midnight (UTC) of the day the simulation ends before: the days simulated are the <see cref="Days"/> before it.</param>
    public static DemoCampaignSimulation Simulate(
        Campaign campaign,
        IReadOnlyList<DemoCampaignArmModel> arms,
        IReadOnlyList<DemoCampaignMember> members,
        IReadOnlyDictionary<string, long> itemIds,
        SampleTastes tastes,
        int seed,
        DateTime todayUtc)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(itemIds);
        ArgumentNullException.ThrowIfNull(tastes);
        var rules = CampaignRules.Parse(campaign.RulesJson);
        var byArm = arms.ToDictionary(a => a.Arm.Id);
        var campaignArms = arms.Select(a => a.Arm).ToList();

        // A member's arm and list do not change from day to day (no new events in between), so each is made once.
        var lists = new Dictionary<long, (DemoCampaignArmModel Arm, RecommendedItem[] Items)>();
        foreach (var member in members)
        {
            if (member.SampleIndex is null)
            {
                continue;
            }

            var arm = byArm[ArmAssignment.Assign(campaignArms, campaign.Id, member.StoredId).Id];
            var list = CampaignLists.For(arm.Model, rules, member.StoredId, campaign.ListSize, personalise: true, [], explain: false);
            lists[member.EndUserId] = (arm, [.. list.Items.Where(i => itemIds.ContainsKey(i.ItemId) && tastes.TryItem(i.ItemId, out _))]);
        }

        var visitChance = Math.Min(VisitChance, (double)MaxListsPerDay / Math.Max(1, members.Count));
        var random = new Random(seed);
        var served = new List<ServedRecommendation>();
        var feedback = new List<RecommendationFeedback>();
        for (var day = todayUtc.AddDays(-Days); day < todayUtc; day = day.AddDays(1))
        {
            foreach (var member in members)
            {
                if (random.NextDouble() >= visitChance || !lists.TryGetValue(member.EndUserId, out var shown) || shown.Items.Length == 0)
                {
                    continue;
                }

                var at = day.AddSeconds(random.Next(24 * 3600));
                var id = RecommendationId(at, random);
                served.Add(new ServedRecommendation
                {
                    Id = id,
                    EndUserExternalId = member.StoredId,
                    BlendId = shown.Arm.BlendId,
                    ModelVersionId = shown.Arm.VersionId,
                    Personalised = true,
                    CampaignId = campaign.Id,
                    CampaignArmId = shown.Arm.Arm.Id,
                    ItemIdsJson = JsonSerializer.Serialize(shown.Items.Select(i => i.ItemId)),
                    ServedAtUtc = at,
                });
                foreach (var item in shown.Items)
                {
                    tastes.TryItem(item.ItemId, out var sampleItem);
                    var user = member.SampleIndex!.Value;
                    feedback.Add(Row(id, member, itemIds[item.ItemId], shown.Arm, FeedbackType.Impression, at));
                    var looked = random.NextDouble() < 1 / Math.Log2(item.Rank + 1);
                    if (!looked || random.NextDouble() >= tastes.ClickProbability(user, sampleItem))
                    {
                        continue;
                    }

                    var clickedAt = at.AddSeconds(random.Next(5, 180));
                    feedback.Add(Row(id, member, itemIds[item.ItemId], shown.Arm, FeedbackType.Click, clickedAt));
                    if (random.NextDouble() < tastes.PurchaseProbability(user, sampleItem))
                    {
                        feedback.Add(Row(id, member, itemIds[item.ItemId], shown.Arm, FeedbackType.Conversion, clickedAt.AddSeconds(random.Next(60, 1800))));
                    }
                }
            }
        }

        return new DemoCampaignSimulation(served, feedback);
    }

    private static RecommendationFeedback Row(string recommendationId, DemoCampaignMember member, long itemId, DemoCampaignArmModel arm, FeedbackType type, DateTime at) => new()
    {
        RecommendationId = recommendationId,
        EndUserId = member.EndUserId,
        ItemId = itemId,
        Type = type,
        CampaignId = arm.Arm.CampaignId,
        CampaignArmId = arm.Arm.Id,
        OccurredAtUtc = at,
        ReceivedAtUtc = at,
    };

    /// <summary>
    /// An id of the serving API's shape (<see cref="RecommendationIds"/>: time first, then ten more bytes), whose
    /// bytes come from the seeded stream rather than the system's random generator, so a rerun gives the same ids.
    /// </summary>
    private static string RecommendationId(DateTime at, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        Span<byte> millis = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(millis, new DateTimeOffset(at).ToUnixTimeMilliseconds());
        millis[2..].CopyTo(bytes);
        random.NextBytes(bytes[6..]);
        return RecommendationIds.Prefix + Base64Url.EncodeToString(bytes);
    }
}
