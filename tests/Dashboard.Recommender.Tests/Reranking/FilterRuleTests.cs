using Dashboard.Recommender.Data;
using Dashboard.Recommender.Reranking;
using static Dashboard.Recommender.Tests.Reranking.RerankPipelineTests;

namespace Dashboard.Recommender.Tests.Reranking;

public class FilterRuleTests
{
    // Categories: items 0, 1 → 0; items 2, 3 → 1; item 4 → {0, 2}.
    private static readonly ItemCategories Categories = ItemCategories.Create(3, [[0], [0], [1], [1], [0, 2]]);

    [Fact]
    public void ExcludeSeen_RemovesItemsTheUserInteractedWith()
    {
        var context = new RerankContext(User: 0, Length: 5, IsSeen: item => item is 1 or 3);
        Assert.Equal([0, 2, 4], Run(Descending(5), context, new ExcludeSeenRule()));
    }

    [Fact]
    public void ExcludeSeen_FromHistory_RemovesTheUsersTrainingItems()
    {
        var history = InteractionMatrix.Build([new(0, 2, 1), new(1, 0, 1)], 2, 5);
        Assert.Equal([0, 1, 3, 4], Run(Descending(5), RerankContext.FromHistory(history, 0, 5), new ExcludeSeenRule()));
    }

    [Fact]
    public void IncludeItems_KeepsOnlyListedItems()
    {
        Assert.Equal([1, 4], Run(Descending(5), 5, FilterRule.IncludeItems([4, 1, 9])));
    }

    [Fact]
    public void ExcludeItems_RemovesListedItems()
    {
        Assert.Equal([1, 2, 4], Run(Descending(5), 5, FilterRule.ExcludeItems([0, 3])));
    }

    [Fact]
    public void IncludeCategories_KeepsItemsInAnyListedCategory()
    {
        Assert.Equal([2, 3, 4], Run(Descending(5), 5, FilterRule.IncludeCategories(Categories, [1, 2])));
    }

    [Fact]
    public void ExcludeCategories_RemovesItemsInAnyListedCategory()
    {
        Assert.Equal([0, 1, 2, 3], Run(Descending(5), 5, FilterRule.ExcludeCategories(Categories, [2])));
    }

    [Fact]
    public void ExcludeWhere_RemovesItemsMatchingAnAttributePredicate()
    {
        var outOfStock = new HashSet<string> { "sku-2" };
        Assert.Equal([0, 1, 3, 4], Run(Descending(5), 5, FilterRule.ExcludeWhere(item => outOfStock.Contains($"sku-{item}"))));
    }
}
