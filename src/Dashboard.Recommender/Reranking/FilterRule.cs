using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Reranking;

/// <summary>
/// Keeps only the candidates a predicate accepts. The factories cover the usual business filters:
/// allow/deny lists of items or categories and predicates over item attributes (availability,
/// price band, age rating...) that the caller looks up.
/// </summary>
public sealed class FilterRule : IRerankRule
{
    private readonly Func<int, bool> _keep;

    /// <param name="keep">True for an item that may stay in the list.</param>
    public FilterRule(Func<int, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        _keep = keep;
    }

    public RerankStage Stage => RerankStage.Filter;

    /// <summary>Keeps only the listed items.</summary>
    public static FilterRule IncludeItems(IEnumerable<int> items)
    {
        var allowed = ToSet(items);
        return new FilterRule(allowed.Contains);
    }

    /// <summary>Removes the listed items.</summary>
    public static FilterRule ExcludeItems(IEnumerable<int> items)
    {
        var denied = ToSet(items);
        return new FilterRule(item => !denied.Contains(item));
    }

    /// <summary>Keeps only items in at least one of the listed categories.</summary>
    public static FilterRule IncludeCategories(ItemCategories categories, IEnumerable<int> include)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var wanted = ToSet(include);
        return new FilterRule(item => InAny(categories, item, wanted));
    }

    /// <summary>Removes items in any of the listed categories.</summary>
    public static FilterRule ExcludeCategories(ItemCategories categories, IEnumerable<int> exclude)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var denied = ToSet(exclude);
        return new FilterRule(item => !InAny(categories, item, denied));
    }

    /// <summary>Removes items for which an attribute predicate holds (e.g. "out of stock").</summary>
    public static FilterRule ExcludeWhere(Func<int, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new FilterRule(item => !predicate(item));
    }

    public void Apply(List<ScoredItem> items, RerankContext context)
    {
        ArgumentNullException.ThrowIfNull(items);
        items.RemoveAll(s => !_keep(s.Item));
    }

    private static HashSet<int> ToSet(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values];
    }

    private static bool InAny(ItemCategories categories, int item, HashSet<int> set)
    {
        foreach (var c in categories.CategoriesOf(item))
        {
            if (set.Contains(c))
            {
                return true;
            }
        }

        return false;
    }
}
