using Dashboard.Recommender.Data;
using Dashboard.Recommender.Reranking;
using static Dashboard.Recommender.Tests.Reranking.RerankPipelineTests;

namespace Dashboard.Recommender.Tests.Reranking;

public class CategoryCapRuleTests
{
    [Fact]
    public void Apply_KeepsAtMostMaxItemsPerCategory()
    {
        // Items 0, 1, 2 in category 0; 3, 4 in category 1. Cap 2 drops item 2.
        var categories = ItemCategories.FromSingle(2, [0, 0, 0, 1, 1]);
        Assert.Equal([0, 1, 3, 4], Run(Descending(5), 5, new CategoryCapRule(categories, 2)));
    }

    [Fact]
    public void Apply_FillsListFromBelowTheCut()
    {
        // Length 3 with cap 1: items 1 and 2 repeat category 0, so item 3 moves up into the list.
        var categories = ItemCategories.FromSingle(2, [0, 0, 0, 1, 1]);
        Assert.Equal([0, 3], Run(Descending(5), 3, new CategoryCapRule(categories, 1)));
    }

    [Fact]
    public void Apply_MultiCategoryItemIsDroppedWhenAnyCategoryIsFull()
    {
        // Item 1 is in {0, 1}; category 0 is full after item 0 with cap 1. Item 2 has no category.
        var categories = ItemCategories.Create(2, [[0], [0, 1], []]);
        Assert.Equal([0, 2], Run(Descending(3), 3, new CategoryCapRule(categories, 1)));
    }
}
