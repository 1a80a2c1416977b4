using Dashboard.Application.Common;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// A campaign's online results: per arm, the lists served (served lists carry their arm) and the impressions,
/// clicks and conversions of their items (feedback carries the arm it was copied from), with 95 % Wilson
/// intervals, per UTC day, and the fixed-horizon A/B verdict on the campaign's goal. Read-only; needs the dashboard.
/// </summary>
public sealed class CampaignResultsService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, TimeProvider time)
{
    /// <summary>The results of one campaign of the caller's organisation.</summary>
    public async Task<CampaignResults> ForCampaignAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Arms).FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw new NotFoundException("That campaign does not exist.");
        return (await BuildAsync(db, [campaign], cancellationToken))[0];
    }

    /// <summary>Every campaign that has started (running, paused or ended), running ones first, then the latest start first: the Metrics page's campaigns.</summary>
    public async Task<IReadOnlyList<CampaignResults>> StartedAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var now = time.GetUtcNow().UtcDateTime;
        var campaigns = (await db.Campaigns.AsNoTracking().Include(c => c.Arms)
                .Where(c => c.State != CampaignState.Draft).ToListAsync(cancellationToken))
            .Where(c => c.EffectiveState(now) is CampaignState.Running or CampaignState.Paused or CampaignState.Ended)
            .OrderBy(c => c.EffectiveState(now) == CampaignState.Running ? 0 : 1).ThenByDescending(c => c.StartsAtUtc)
            .ToList();
        return await BuildAsync(db, campaigns, cancellationToken);
    }

    private async Task<List<CampaignResults>> BuildAsync(IAppDbContext db, List<Campaign> campaigns, CancellationToken cancellationToken)
    {
        if (campaigns.Count == 0)
        {
            return [];
        }

        var ids = campaigns.Select(c => c.Id).ToList();
        var blendIds = campaigns.SelectMany(c => c.Arms).Select(a => a.BlendId).OfType<Guid>().Distinct().ToList();
        var blendNames = await db.Blends.AsNoTracking().Where(b => blendIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);

        var served = await db.ServedRecommendations.AsNoTracking()
            .Where(s => s.CampaignId != null && ids.Contains(s.CampaignId.Value) && s.CampaignArmId != null)
            .GroupBy(s => new { Arm = s.CampaignArmId!.Value, Day = s.ServedAtUtc.Date })
            .Select(g => new { g.Key.Arm, g.Key.Day, Count = g.LongCount() })
            .ToListAsync(cancellationToken);

        // The unit is one item in one served list: a click or conversion means it was shown even when the client sent no
        // impression for it, and a second click on it is not a second success. So clicks never exceed impressions (each
        // impression a trial, as the interval and the test assume), and the item counts on the day it was first seen.
        var shown = db.RecommendationFeedback.AsNoTracking()
            .Where(f => f.CampaignId != null && ids.Contains(f.CampaignId.Value) && f.CampaignArmId != null)
            .GroupBy(f => new { Arm = f.CampaignArmId!.Value, f.RecommendationId, f.ItemId })
            .Select(g => new
            {
                g.Key.Arm,
                First = g.Min(f => f.OccurredAtUtc),
                Clicked = g.Max(f => f.Type == FeedbackType.Click ? 1 : 0),
                Converted = g.Max(f => f.Type == FeedbackType.Conversion ? 1 : 0),
            });
        var feedback = await shown
            .GroupBy(p => new { p.Arm, Day = p.First.Date })
            .Select(g => new { g.Key.Arm, g.Key.Day, Impressions = g.LongCount(), Clicks = g.Sum(p => (long)p.Clicked), Conversions = g.Sum(p => (long)p.Converted) })
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var results = new List<CampaignResults>(campaigns.Count);
        foreach (var campaign in campaigns)
        {
            var arms = campaign.Arms.OrderBy(a => a.Position).ToList();
            var armIds = arms.Select(a => a.Id).ToHashSet();
            var servedHere = served.Where(s => armIds.Contains(s.Arm)).ToList();
            var feedbackHere = feedback.Where(f => armIds.Contains(f.Arm)).ToList();
            var days = servedHere.Select(s => DateOnly.FromDateTime(s.Day)).Concat(feedbackHere.Select(f => DateOnly.FromDateTime(f.Day)))
                .Distinct().Order().ToList();
            var armResults = arms.Select(arm =>
            {
                var daily = days.Select(day => new CampaignResultsDay(
                    day,
                    servedHere.Where(s => s.Arm == arm.Id && DateOnly.FromDateTime(s.Day) == day).Sum(s => s.Count),
                    feedbackHere.Where(f => f.Arm == arm.Id && DateOnly.FromDateTime(f.Day) == day).Sum(f => f.Impressions),
                    feedbackHere.Where(f => f.Arm == arm.Id && DateOnly.FromDateTime(f.Day) == day).Sum(f => f.Clicks),
                    feedbackHere.Where(f => f.Arm == arm.Id && DateOnly.FromDateTime(f.Day) == day).Sum(f => f.Conversions))).ToList();
                long impressions = daily.Sum(d => d.Impressions), clicks = daily.Sum(d => d.Clicks), conversions = daily.Sum(d => d.Conversions);
                var blend = arm.BlendId is { } blendId ? blendNames.GetValueOrDefault(blendId) : null;
                return new CampaignResultsArm(arm.Id, arm.Name, blend, arm.SharePercent, daily.Sum(d => d.ListsServed), impressions, clicks, conversions,
                    CampaignResultsRate.Of(clicks, impressions), CampaignResultsRate.Of(conversions, impressions), daily);
            }).ToList();
            results.Add(new CampaignResults(campaign.Id, campaign.Name, campaign.Goal, campaign.Channel, campaign.EffectiveState(now), armResults, days,
                CampaignVerdict.Decide(campaign.Goal, armResults)));
        }

        return results;
    }
}
