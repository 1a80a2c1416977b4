using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

public class BlendModelTests
{
    private static readonly BlendModel Model = ServingData.Fit();

    [Fact]
    public void Recommend_UnknownEndUser_IsNotPersonalisedAndFallsBackToPopularity()
    {
        var list = Model.Recommend("stranger", 3);

        Assert.False(list.Personalised);
        Assert.All(list.Items, i => Assert.Equal(DataBasis.FallbackNewEndUser, i.Explanation.Basis));
        Assert.Equal(ComponentKind.Popularity, Assert.Single(list.Items[0].Explanation.Components).Kind);

        // a1 and b1 have 5 interactions each; ties go to the earlier item.
        Assert.Equal(["a1", "b1"], list.Items.Take(2).Select(i => i.ItemId));
    }

    [Fact]
    public void Recommend_WithoutPersonalising_GivesAKnownEndUserThePopularItemsWithoutReadingTheirHistory()
    {
        var list = Model.Recommend("u1", 3, new RecommendOptions { Personalise = false });

        Assert.Equal((false, "a1,b1"), (list.Personalised, string.Join(",", list.Items.Take(2).Select(i => i.ItemId))));
        Assert.All(list.Items, i => Assert.Equal(DataBasis.NoConsent, i.Explanation.Basis));
    }

    [Fact]
    public void Recommend_WithoutPersonalising_ServesPopularItemsEvenWhenTheBlendHasNoFallback()
    {
        var model = ServingData.Fit(ServingData.TinySpec with { PopularityFallback = false });

        Assert.Equal((0, 3), (model.Recommend("stranger", 3).Items.Count, model.Recommend("u1", 3, new RecommendOptions { Personalise = false }).Items.Count));
    }

    [Fact]
    public void Recommend_KnownEndUser_IsPersonalisedAndLeavesOutSeenItems()
    {
        var list = Model.Recommend("u1", 4);

        Assert.True(list.Personalised);
        Assert.DoesNotContain(list.Items, i => i.ItemId is "a1" or "a2" or "a3" or "b1");
        Assert.Equal("a4", list.Items[0].ItemId);
        Assert.Contains(list.Rules, r => r.Kind == RuleKind.ExcludedSeen && r.Count == 4);
    }

    [Fact]
    public void Recommend_RanksAreOneBasedAndInOrder()
    {
        Assert.Equal([1, 2, 3], Model.Recommend("u2", 3).Items.Select(i => i.Rank));
    }

    [Fact]
    public void Explanation_ComponentSharesSumToTheScore()
    {
        foreach (var item in Model.Recommend("u5", 5).Items)
        {
            Assert.Equal(item.Score, item.Explanation.Components.Sum(c => c.Share), 5);
        }
    }

    [Fact]
    public void Recommend_ByABlendOfPopularityAlone_IsNotPersonalisedEvenForAKnownEndUser()
    {
        var model = ServingData.Fit(ServingData.TinySpec with { Components = [new ComponentSpec(ComponentKind.Popularity, 1, new Dictionary<string, string>())] });

        var list = model.Recommend("u2", 3);

        Assert.False(list.Personalised);
        Assert.All(list.Items, i => Assert.Equal(DataBasis.PopularityOnly, i.Explanation.Basis));
        Assert.True(Model.Recommend("u2", 3).Personalised);
    }

    [Fact]
    public void Recommend_WithoutHistoryExplanations_GivesTheSameListCodesAndSharesButNoBecauseItems()
    {
        var full = Model.Recommend("u2", 5).Items;
        var lean = Model.Recommend("u2", 5, new RecommendOptions { ExplainByHistory = false }).Items;

        Assert.Equal(full.Select(i => (i.ItemId, i.Score, string.Join(",", i.ReasonCodes))), lean.Select(i => (i.ItemId, i.Score, string.Join(",", i.ReasonCodes))));
        Assert.Equal(full.SelectMany(i => i.Explanation.Components).Select(c => c.Share), lean.SelectMany(i => i.Explanation.Components).Select(c => c.Share));
        Assert.Contains(full.SelectMany(i => i.Explanation.Components), c => c.Because.Count > 0);
        Assert.All(lean.SelectMany(i => i.Explanation.Components), c => Assert.Empty(c.Because));
    }

    [Fact]
    public void Explanation_BecauseItemsComeFromTheEndUsersHistory()
    {
        var history = new HashSet<string> { "a1", "a2", "a4", "a3" };
        var because = Model.Recommend("u2", 5).Items
            .SelectMany(i => i.Explanation.Components)
            .SelectMany(c => c.Because)
            .ToList();

        Assert.NotEmpty(because);
        Assert.All(because, b => Assert.Contains(b.ItemId, history));
        Assert.All(because, b => Assert.StartsWith("Book", b.Title, StringComparison.Ordinal));
    }

    [Fact]
    public void Explanation_OfImplicitAls_NamesHistoryItemsThatRaiseTheScore()
    {
        var spec = BlendSpec.Default with
        {
            Components = [new ComponentSpec(ComponentKind.ImplicitAls, 1, new Dictionary<string, string> { ["factors"] = "4", ["regularization"] = "0.1" })],
        };

        var top = ServingData.Fit(spec).Recommend("u1", 1).Items[0];

        Assert.Equal("a4", top.ItemId);
        var because = Assert.Single(top.Explanation.Components).Because;
        Assert.NotEmpty(because);
        Assert.All(because, b => Assert.Contains(b.ItemId, new[] { "a1", "a2", "a3" }));
    }

    [Fact]
    public void Recommend_ExcludedCategory_IsLeftOut()
    {
        var list = Model.Recommend("u1", 5, new RecommendOptions { ExcludeCategories = ["books"] });

        Assert.NotEmpty(list.Items);
        Assert.DoesNotContain(list.Items, i => i.Categories.Contains("books"));
        Assert.Contains(list.Rules, r => r.Kind == RuleKind.ExcludedCategory);
    }

    [Fact]
    public void Recommend_RecentEvents_ChangeTheListAndCountAsSeen()
    {
        var before = Model.Recommend("u5", 3).Items.Select(i => i.ItemId).ToList();

        var after = Model.Recommend("u5", 3, new RecommendOptions
        {
            RecentEvents = [new RecentEvent("b4", "purchase"), new RecentEvent("a2", "purchase"), new RecentEvent("unknown-item", "view")],
        }).Items.Select(i => i.ItemId).ToList();

        Assert.Contains("b4", before);
        Assert.NotEqual(before, after);
        Assert.DoesNotContain("b4", after);
        Assert.DoesNotContain("a2", after);
    }

    [Fact]
    public void Recommend_CountOutsideOneToHundred_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Recommend("u1", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Recommend("u1", 101));
    }

    [Fact]
    public void Recommend_WithDiversity_SaysWhichItemsMoved()
    {
        var spec = ServingData.TinySpec with { Rerank = new RerankSpec { ExcludeSeen = false, MmrLambda = 0 } };
        var list = ServingData.Fit(spec).Recommend("u1", 4);

        // λ = 0 alternates categories, so a game moves up past books that scored higher.
        Assert.Contains(list.Items, i => i.Explanation.Rules.Any(r => r.Kind == RuleKind.Diversity && r.FromRank > r.ToRank));
    }

    [Fact]
    public void Counts_DescribeTheTrainingData()
    {
        Assert.Equal(8, Model.EndUserCount);
        Assert.Equal(9, Model.ItemCount);
        Assert.Equal(32, Model.InteractionCount);
        Assert.True(Model.KnowsEndUser("u3"));
        Assert.False(Model.KnowsEndUser("nobody"));
    }

    [Fact]
    public void Recommend_WithALongTailBoostAlone_BringsLongTailItemsFromBelowTheUnboostedList()
    {
        var data = Fairness.SnapshotShopData.Generate(planted: false, users: 120);
        var plain = new BlendTrainer().Fit(data, Fairness.SnapshotShopData.Spec, null, CancellationToken.None);
        var boosted = new BlendTrainer().Fit(data, Fairness.SnapshotShopData.Spec with { Rerank = new RerankSpec { LongTailBoost = 1 } }, null, CancellationToken.None);

        var newcomers = Enumerable.Range(0, 120)
            .Select(Fairness.SnapshotShopData.UserId)
            .Count(user => boosted.Recommend(user, 10).Items.Select(i => i.ItemId).Except(plain.Recommend(user, 10).Items.Select(i => i.ItemId)).Any());

        // Before the boost widened the pool it only reordered the unboosted top 10, so no list gained an item.
        Assert.True(newcomers > 60, $"{newcomers} of 120 lists gained an item");
    }
}
