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

    private ItemCategories(int categoryCount, int[] ptr, int[] categories, IReadOnlyList<string>? names)
    {
        CategoryCount = categoryCount;
        _ptr = ptr;
        _categories = categories;
        if (names is null)
        {
            var generated = new string[categoryCount];
            for (var c = 0; c < categoryCount; c++)
            {
                generated[c] = c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            names = generated;
        }

        Names = names;
    }

    public int ItemCount => _ptr.Length - 1;

    public int CategoryCount { get; }

    /// <summary>Display name of each category index (the index itself when built from indices only).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The categories of <paramref name="item"/>, sorted ascending; empty for an item outside the catalogue.</summary>
    public ReadOnlySpan<int> CategoriesOf(int item) =>
        (uint)item < (uint)ItemCount ? _categories.AsSpan(_ptr[item], _ptr[item + 1] - _ptr[item]) : [];

    public bool IsIn(int item, int category) => CategoriesOf(item).BinarySearch(category) >= 0;

    /// <summary>Builds from one list of category indices per item (duplicates are ignored).</summary>
    public static ItemCategories Create(
        int categoryCount, IReadOnlyList<IReadOnlyCollection<int>> categoriesByItem, IReadOnlyList<string>? names = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(categoryCount);
        ArgumentNullException.ThrowIfNull(categoriesByItem);
        if (names is not null && names.Count != categoryCount)
        {
            throw new ArgumentException($"Expected {categoryCount} category names, got {names.Count}.", nameof(names));
        }

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

        return new ItemCategories(categoryCount, ptr, [.. all], names);
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

    /// <summary>
    /// Builds from item metadata keyed by dense item index (as <see cref="Dataset.ItemMetadata"/>).
    /// Category names are compared ordinally and indexed in sorted order, so the same catalogue always
    /// gets the same indices; items without metadata have no category.
    /// </summary>
    public static ItemCategories FromMetadata(IReadOnlyDictionary<int, ItemMetadata> metadata, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (item, data) in metadata)
        {
            if ((uint)item >= (uint)itemCount)
            {
                throw new ArgumentOutOfRangeException(nameof(metadata), $"Metadata for item {item} outside [0, {itemCount}).");
            }

            names.UnionWith(data.Categories);
        }

        var sortedNames = names.ToArray();
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < sortedNames.Length; c++)
        {
            indexOf[sortedNames[c]] = c;
        }

        var rows = new IReadOnlyCollection<int>[itemCount];
        for (var item = 0; item < itemCount; item++)
        {
            var row = new List<int>();
            if (metadata.TryGetValue(item, out var data))
            {
                foreach (var name in data.Categories)
                {
                    row.Add(indexOf[name]);
                }
            }

            rows[item] = row;
        }

        return Create(sortedNames.Length, rows, sortedNames);
    }
}
