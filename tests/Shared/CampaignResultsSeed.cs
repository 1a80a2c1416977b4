using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Data;
using Dashboard.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.TestSupport;

/// <summary>
/// Campaigns with arms, and the served lists and feedback the serving API and the feedback endpoint leave behind
/// (each row carrying its campaign and arm), written straight into a tenant's tables for the results tests.
/// </summary>
internal static class CampaignResultsSeed
{
    /// <summary>A campaign with one arm per share ("A", "B", …), every arm on <paramref name="blendId"/>.</summary>
    public static async Task<(Guid CampaignId, Guid[] ArmIds)> CampaignAsync(IAppDbContext db, string name, Guid? blendId, DateTime startsAtUtc,
        CampaignGoal goal = CampaignGoal.Clicks, CampaignState state = CampaignState.Running, params int[] shares)
    {
        shares = shares.Length == 0 ? [50, 50] : shares;
        var campaign = new Campaign
        {
            Id = Guid.CreateVersion7(), Name = name, Goal = goal, Channel = CampaignChannel.Web, RulesJson = CampaignRules.None.ToJson(), ListSize = 10,
            StartsAtUtc = startsAtUtc, State = state, CreatedAtUtc = startsAtUtc, UpdatedAtUtc = startsAtUtc, ConcurrencyStamp = Guid.NewGuid(),
            Arms = [.. shares.Select((share, i) => new CampaignArm { Id = Guid.CreateVersion7(), Name = ((char)('A' + i)).ToString(), BlendId = blendId, SharePercent = share, Position = i })],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return (campaign.Id, [.. campaign.Arms.Select(a => a.Id)]);
    }

    /// <summary>
    /// On <paramref name="dayUtc"/>, <paramref name="lists"/> lists of <paramref name="itemsPerList"/> items served to one arm, an impression
    /// for every item, and clicks and conversions on the first items in list order (a conversion also on a clicked item).
    /// </summary>
    public static async Task ServeAsync(IAppDbContext db, Guid campaignId, Guid armId, DateTime dayUtc, int lists, int itemsPerList, int clicks, int conversions)
    {
        var endUser = await db.EndUsers.FirstOrDefaultAsync(u => u.ExternalId == "results-user") ?? new EndUser { ExternalId = "results-user", CreatedAtUtc = dayUtc };
        var items = await db.Items.Where(i => i.ExternalId.StartsWith("results-item-")).OrderBy(i => i.ExternalId).ToListAsync();
        for (var i = items.Count; i < itemsPerList; i++)
        {
            var item = new Item { ExternalId = $"results-item-{i:D3}", Title = $"Item {i}", CreatedAtUtc = dayUtc };
            db.Items.Add(item);
            items.Add(item);
        }

        if (endUser.Id == 0)
        {
            db.EndUsers.Add(endUser);
        }

        await db.SaveChangesAsync();
        var served = 0;
        for (var l = 0; l < lists; l++)
        {
            var id = Guid.NewGuid().ToString("N");
            db.ServedRecommendations.Add(new ServedRecommendation
            {
                Id = id, EndUserExternalId = endUser.ExternalId, BlendId = Guid.Empty, ModelVersionId = Guid.Empty, Personalised = true, CampaignId = campaignId,
                CampaignArmId = armId, ItemIdsJson = "[]", ServedAtUtc = dayUtc,
            });
            for (var i = 0; i < itemsPerList; i++, served++)
            {
                Feedback(db, id, endUser.Id, items[i].Id, FeedbackType.Impression, campaignId, armId, dayUtc);
                if (served < clicks)
                {
                    Feedback(db, id, endUser.Id, items[i].Id, FeedbackType.Click, campaignId, armId, dayUtc.AddMinutes(1));
                }

                if (served < conversions)
                {
                    Feedback(db, id, endUser.Id, items[i].Id, FeedbackType.Conversion, campaignId, armId, dayUtc.AddMinutes(2));
                }
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>One feedback row as the feedback endpoint stores it, with the served list's campaign and arm copied on.</summary>
    public static void Feedback(IAppDbContext db, string recommendationId, long endUserId, long itemId, FeedbackType type, Guid? campaignId, Guid? armId, DateTime occurredAtUtc) =>
        db.RecommendationFeedback.Add(new RecommendationFeedback
        {
            RecommendationId = recommendationId, EndUserId = endUserId, ItemId = itemId, Type = type, CampaignId = campaignId, CampaignArmId = armId,
            OccurredAtUtc = occurredAtUtc, ReceivedAtUtc = occurredAtUtc,
        });
}
