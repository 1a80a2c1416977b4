using Dashboard.Application.Campaigns;
using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Tests.Campaigns;

public sealed class CampaignListsTests
{
    [Fact]
    public void Every_campaign_rule_reaches_the_engine()
    {
        var rules = new CampaignRules
        {
            IncludeCategories = ["Shoes"],
            ExcludeCategories = ["Bags"],
            ExcludeItems = ["i9"],
            PinnedItems = [new PinnedItem("i1", 2)],
            BoostedItems = [new BoostedItem("i2", 0.4)],
            MaxPerCategory = 3,
        };

        var engine = CampaignLists.ToListRules(rules);

        Assert.Equal(["Shoes"], engine.IncludeCategories);
        Assert.Equal(["i9"], engine.ExcludeItems);
        Assert.Equal([new ListPin("i1", 2)], engine.Pins);
        Assert.Equal([new ListBoost("i2", 0.4)], engine.Boosts);
        Assert.Equal(3, engine.MaxPerCategory);
    }

    [Fact]
    public void Rules_survive_a_round_trip_through_their_stored_json()
    {
        var rules = new CampaignRules { PinnedItems = [new PinnedItem("i1", 1)], BoostedItems = [new BoostedItem("i2", 0.25)], MaxPerCategory = 2, ExcludeItems = ["x"] };

        var back = CampaignRules.Parse(rules.ToJson());

        Assert.Equal(rules.ToJson(), back.ToJson());
        Assert.Equal(2, back.MaxPerCategory);
        Assert.Equal("i1", Assert.Single(back.PinnedItems).ItemId);
    }
}
