using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Tests.Campaigns;

public sealed class CampaignEffectiveStateTests
{
    private static readonly DateTime Start = new(2027, 3, 1, 6, 0, 0, DateTimeKind.Utc);

    private static Campaign Make(CampaignState state, DateTime? end = null) =>
        new() { Name = "Spring", RulesJson = "{}", State = state, StartsAtUtc = Start, EndsAtUtc = end };

    [Theory]
    [InlineData(CampaignState.Scheduled, -1, CampaignState.Scheduled)]
    [InlineData(CampaignState.Scheduled, 0, CampaignState.Running)]
    [InlineData(CampaignState.Draft, 5, CampaignState.Draft)]
    [InlineData(CampaignState.Paused, 5, CampaignState.Paused)]
    [InlineData(CampaignState.Running, 5, CampaignState.Running)]
    public void A_scheduled_campaign_runs_once_its_start_has_come(CampaignState stored, int hoursAfterStart, CampaignState expected)
    {
        Assert.Equal(expected, Make(stored, Start.AddDays(10)).EffectiveState(Start.AddHours(hoursAfterStart)));
    }

    [Theory]
    [InlineData(CampaignState.Scheduled)]
    [InlineData(CampaignState.Running)]
    [InlineData(CampaignState.Paused)]
    public void Any_live_campaign_past_its_end_has_ended(CampaignState stored)
    {
        Assert.Equal(CampaignState.Ended, Make(stored, Start.AddDays(1)).EffectiveState(Start.AddDays(1)));
    }

    [Fact]
    public void A_draft_stays_a_draft_after_its_dates_have_passed()
    {
        Assert.Equal(CampaignState.Draft, Make(CampaignState.Draft, Start.AddDays(1)).EffectiveState(Start.AddDays(30)));
    }

    [Fact]
    public void A_campaign_without_an_end_runs_until_ended_by_hand()
    {
        Assert.Equal(CampaignState.Running, Make(CampaignState.Running).EffectiveState(Start.AddYears(5)));
    }
}
