namespace Dashboard.Recommender.Data;

/// <summary>
/// Category (genre, department, ...) membership of every item in dense index space, stored as CSR:
/// an item may belong to zero, one or several categories. Shared by the beyond-accuracy metrics
/// (calibration, diversity) and the re-ranking rules (category filters and caps).
/// </summary>
public sealed class ItemCategories
{
    private readonly int[] _ptr;
    private readonly int[] _categories;

    private ItemCategories(int categoryCount, int[] ptr, int[] categories)
    {
        CategoryCount = categoryCount;
        _ptr = ptr;
        _categories = categories;
    }

    public int ItemCount => _ptr.Length - 1;

    public int CategoryCount { get; }

    /// <summary>The categories of <paramref name="item"/>, sorted ascending; empty for an item outside the catalogue.</summary>
    public ReadOnlySpan<int> CategoriesOf(int item) =>
        (uint)item < (uint)ItemCount ? _categories.AsSpan(_ptr[item], _ptr[item + 1] - _ptr[item]) : [];

    public bool IsIn(int item, int category) => CategoriesOf(item).BinarySearch(category) >= 0;

    /// <summary>Builds from one list of category indices per item (duplicates are ignored).</summary>
    public static ItemCategories Create(int categoryCount, IReadOnlyList<IReadOnlyCollection<int>> categoriesByItem)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(categoryCount);
        ArgumentNullException.ThrowIfNull(categoriesByItem);

        var ptr = new int[categoriesByItem.Count + 1];
        var all = new List<int>();
        var row = new List<int>();
        for (var item = 0; item < categoriesByItem.Count; item++)
        {
            row.Clear();
            foreach (var c in categoriesByItem[item])
            {
                if ((uint)c >= (uint)categoryCount)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(categoriesByItem), $"Item {item} has category {c} outside [0, {categoryCount}).");
                }

                row.Add(c);
            }

            row.Sort();
            for (var i = 0; i < row.Count; i++)
            {
                if (i == 0 || row[i] != row[i - 1])
                {
                    all.Add(row[i]);
                }
            }

            ptr[item + 1] = all.Count;
        }

        return new ItemCategories(categoryCount, ptr, [.. all]);
    }

    /// <summary>Builds from exactly one category per item; a negative entry means "no category".</summary>
    public static ItemCategories FromSingle(int categoryCount, ReadOnlySpan<int> categoryOfItem)
    {
        var rows = new IReadOnlyCollection<int>[categoryOfItem.Length];
        for (var item = 0; item < rows.Length; item++)
        {
            rows[item] = categoryOfItem[item] < 0 ? [] : [categoryOfItem[item]];
        }

        return Create(categoryCount, rows);
    }
}
