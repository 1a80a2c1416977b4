using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Reranking;

/// <summary>
/// Allows at most <see cref="MaxPerCategory"/> items of any category, keeping the earliest (best)
/// ones in list order. An item in several categories counts toward each and is dropped when any of
/// them is full; items without a category are never capped.
/// </summary>
public sealed class CategoryCapRule : IRerankRule
{
    private readonly ItemCategories _categories;

    public CategoryCapRule(ItemCategories categories, int maxPerCategory)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerCategory, 1);
        _categories = categories;
        MaxPerCategory = maxPerCategory;
    }

    public int MaxPerCategory { get; }

    public RerankStage Stage => RerankStage.Select;

    public void Apply(List<ScoredItem> items, RerankContext context)
    {
        ArgumentNullException.ThrowIfNull(items);
        var used = new int[_categories.CategoryCount];
        var kept = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var categories = _categories.CategoriesOf(items[i].Item);
            var full = false;
            foreach (var c in categories)
            {
                full |= used[c] >= MaxPerCategory;
            }

            if (full)
            {
                continue;
            }

            foreach (var c in categories)
            {
                used[c]++;
            }

            items[kept++] = items[i];
        }

        items.RemoveRange(kept, items.Count - kept);
    }
}
