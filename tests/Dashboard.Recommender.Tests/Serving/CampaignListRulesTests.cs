using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

/// <summary>u1 has seen a1, a2, a3 and b1; unseen are a4, b2, b3, b4 (games) and c1 (a gift card).</summary>
public class CampaignListRulesTests
{
    private static readonly BlendModel Model = ServingData.Fit();

    private static RecommendationList For(ListRules rules, int count = 5) => Model.Recommend("u1", count, new RecommendOptions { Rules = rules });

    [Fact]
    public void Included_categories_keep_only_their_items_and_the_list_says_what_was_left_out()
    {
        var list = For(new ListRules { IncludeCategories = ["games"] });

        Assert.Equal(["b2", "b3", "b4"], list.Items.Select(i => i.ItemId).Order());
        var filter = Assert.Single(list.Rules, r => r.Kind == RuleKind.CampaignFilter);
        Assert.Equal(5, filter.Count);
    }

    [Fact]
    public void Excluded_items_never_appear()
    {
        var list = For(new ListRules { ExcludeItems = ["a4", "b2"] });

        Assert.DoesNotContain(list.Items, i => i.ItemId is "a4" or "b2");
        Assert.NotEmpty(list.Items);
    }

    [Fact]
    public void A_pinned_item_takes_its_position_and_pushes_the_others_down_without_calling_that_a_move()
    {
        var plain = Model.Recommend("u1", 3).Items.Select(i => i.ItemId).ToList();

        var list = For(new ListRules { Pins = [new ListPin("c1", 1)] }, count: 3);

        Assert.Equal(["c1", plain[0], plain[1]], list.Items.Select(i => i.ItemId));
        Assert.Contains("pinned", list.Items[0].ReasonCodes);
        Assert.Contains(list.Items[0].Explanation.Rules, r => r.Kind == RuleKind.CampaignPin);
        Assert.All(list.Items.Skip(1), i => Assert.DoesNotContain(i.Explanation.Rules, r => r.Kind is RuleKind.Diversity or RuleKind.CategoryCap));
    }

    [Fact]
    public void A_pin_beyond_the_list_appends_the_item_and_a_seen_or_excluded_item_is_never_pinned()
    {
        var appended = For(new ListRules { Pins = [new ListPin("c1", 50)] }, count: 3);
        Assert.Equal("c1", appended.Items[^1].ItemId);
        Assert.Equal(3, appended.Items.Count);

        var seen = For(new ListRules { Pins = [new ListPin("a1", 1)] }, count: 3);
        Assert.DoesNotContain(seen.Items, i => i.ItemId == "a1");

        var excluded = For(new ListRules { Pins = [new ListPin("c1", 1)], ExcludeItems = ["c1"] }, count: 3);
        Assert.DoesNotContain(excluded.Items, i => i.ItemId == "c1");
    }

    [Fact]
    public void A_boosted_item_rises_by_its_boost_on_the_normalised_scale_and_says_the_campaign_promotes_it()
    {
        // Scores are z-scores here: the gift card nobody bought sits several deviations below, so a boost of 10 lifts it to the top.
        Assert.Equal("c1", Model.Recommend("u1", 5).Items[^1].ItemId);

        var list = For(new ListRules { Boosts = [new ListBoost("c1", 10)] });

        Assert.Equal("c1", list.Items[0].ItemId);
        Assert.Contains("promoted", list.Items[0].ReasonCodes);
        Assert.Contains(list.Items[0].Explanation.Rules, r => r.Kind == RuleKind.CampaignBoost);
    }

    [Fact]
    public void The_campaign_cap_limits_items_per_category()
    {
        var list = For(new ListRules { MaxPerCategory = 1 }, count: 3);

        Assert.Equal(3, list.Items.Count);
        Assert.Equal(3, list.Items.Select(i => i.Categories[0]).Distinct().Count());
    }

    [Fact]
    public void Empty_rules_and_unknown_ids_change_nothing()
    {
        var plain = Model.Recommend("u1", 5).Items.Select(i => (i.ItemId, i.Score)).ToList();

        Assert.Equal(plain, For(new ListRules()).Items.Select(i => (i.ItemId, i.Score)));
        Assert.Equal(plain, For(new ListRules { ExcludeItems = ["nope"], Pins = [new ListPin("nope", 1)], Boosts = [new ListBoost("nope", 1)] }).Items.Select(i => (i.ItemId, i.Score)));
    }
}
