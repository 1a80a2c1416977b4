using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Data;

public class ItemCategoriesTests
{
    [Fact]
    public void Create_SortsAndDeduplicatesEachItemsCategories()
    {
        var categories = ItemCategories.Create(3, [[2, 0, 2], [1]]);
        Assert.Equal([0, 2], categories.CategoriesOf(0).ToArray());
    }

    [Fact]
    public void Create_CategoryOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ItemCategories.Create(2, [[2]]));
    }

    [Fact]
    public void CategoriesOf_ItemOutsideCatalogue_IsEmpty()
    {
        Assert.True(ItemCategories.FromSingle(1, [0]).CategoriesOf(5).IsEmpty);
    }

    [Fact]
    public void FromMetadata_IndexesCategoryNamesInOrdinalOrder()
    {
        var metadata = new Dictionary<int, ItemMetadata>
        {
            [0] = new("Heat", ["Thriller", "Action"]),
            [2] = new("Toy Story", ["Comedy"]),
        };
        Assert.Equal(["Action", "Comedy", "Thriller"], ItemCategories.FromMetadata(metadata, 3).Names);
    }

    [Fact]
    public void FromMetadata_MapsEachItemToItsCategories()
    {
        var metadata = new Dictionary<int, ItemMetadata>
        {
            [0] = new("Heat", ["Thriller", "Action"]),
            [2] = new("Toy Story", ["Comedy"]),
        };
        var categories = ItemCategories.FromMetadata(metadata, 3);
        Assert.Equal(
            [[0, 2], [], [1]],
            Enumerable.Range(0, 3).Select(i => categories.CategoriesOf(i).ToArray()));
    }
}
