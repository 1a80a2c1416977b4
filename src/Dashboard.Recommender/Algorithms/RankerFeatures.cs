using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Candidate generation and the feature vector of <see cref="LearnedRanker"/>, built from one set of
/// fitted components and the matrix they were fitted on. Per candidate: for each component its score
/// and its 1-based rank in that component's top-M (M + 1 when absent), then log(1 + item popularity),
/// log(1 + user activity) and the user's category affinity (mean over the item's categories of the
/// share of the user's items in that category).
/// </summary>
internal sealed class RankerFeatures
{
    private readonly IRecommender[] _components;
    private readonly int _candidatesPerModel;
    private readonly int[] _userPtr;
    private readonly int[] _userItems;
    private readonly int[] _itemDegree;
    private readonly int[] _categoryPtr;
    private readonly int[] _categories;
    private readonly int _categoryCount;

    public RankerFeatures(
        IRecommender[] components, InteractionMatrix train, IReadOnlyDictionary<int, ItemMetadata> metadata, int candidatesPerModel)
    {
        _components = components;
        _candidatesPerModel = candidatesPerModel;
        _userPtr = train.UserPtr;
        _userItems = train.UserItems;
        _itemDegree = new int[train.ItemCount];
        for (var i = 0; i < train.ItemCount; i++)
        {
            _itemDegree[i] = train.ItemDegree(i);
        }

        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        _categoryPtr = new int[train.ItemCount + 1];
        var categories = new List<int>();
        for (var i = 0; i < train.ItemCount; i++)
        {
            if (metadata.TryGetValue(i, out var meta))
            {
                foreach (var name in meta.Categories.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (!names.TryGetValue(name, out var id))
                    {
                        names[name] = id = names.Count;
                    }

                    categories.Add(id);
                }
            }

            _categoryPtr[i + 1] = categories.Count;
        }

        _categories = [.. categories];
        _categoryCount = names.Count;
    }

    private RankerFeatures(
        IRecommender[] components, int candidatesPerModel, int[] userPtr, int[] userItems, int[] itemDegree,
        int[] categoryPtr, int[] categories, int categoryCount)
    {
        _components = components;
        _candidatesPerModel = candidatesPerModel;
        _userPtr = userPtr;
        _userItems = userItems;
        _itemDegree = itemDegree;
        _categoryPtr = categoryPtr;
        _categories = categories;
        _categoryCount = categoryCount;
    }

    public int FeatureCount => (2 * _components.Length) + 3;

    /// <summary>
    /// Union of the components' top-M unseen items, ascending by item index, and each component's top-M
    /// list (reused by <see cref="Build"/> for the rank features).
    /// </summary>
    public (int[] Candidates, IReadOnlyList<ScoredItem>[] Tops) Candidates(int user)
    {
        var tops = TopLists(user);
        var union = new SortedSet<int>();
        foreach (var top in tops)
        {
            foreach (var s in top)
            {
                union.Add(s.Item);
            }
        }

        return ([.. union], tops);
    }

    /// <summary>One feature vector per candidate; <paramref name="tops"/> are the components' top-M lists when already known.</summary>
    public float[][] Build(int user, int[] candidates, IReadOnlyList<ScoredItem>[]? tops = null)
    {
        tops ??= TopLists(user);
        var result = new float[candidates.Length][];
        for (var c = 0; c < candidates.Length; c++)
        {
            result[c] = new float[FeatureCount];
        }

        var seen = UserItems(user);
        var scores = new float[candidates.Length];
        for (var m = 0; m < _components.Length; m++)
        {
            _components[m].Score(user, candidates, scores);
            var top = tops[m];
            var rank = new Dictionary<int, int>(top.Count);
            for (var r = 0; r < top.Count; r++)
            {
                rank[top[r].Item] = r + 1;
            }

            for (var c = 0; c < candidates.Length; c++)
            {
                result[c][2 * m] = scores[c];
                result[c][(2 * m) + 1] = rank.GetValueOrDefault(candidates[c], _candidatesPerModel + 1);
            }
        }

        var share = CategoryShare(seen);
        var activity = (float)Math.Log(1 + seen.Length);
        var offset = 2 * _components.Length;
        for (var c = 0; c < candidates.Length; c++)
        {
            var item = candidates[c];
            var known = (uint)item < (uint)_itemDegree.Length;
            result[c][offset] = known ? (float)Math.Log(1 + _itemDegree[item]) : 0f;
            result[c][offset + 1] = activity;
            result[c][offset + 2] = known ? Affinity(share, item) : 0f;
        }

        return result;
    }

    public void Write(BinaryWriter writer)
    {
        ModelFormat.WriteArray(writer, _userPtr);
        ModelFormat.WriteArray(writer, _userItems);
        ModelFormat.WriteArray(writer, _itemDegree);
        ModelFormat.WriteArray(writer, _categoryPtr);
        ModelFormat.WriteArray(writer, _categories);
        writer.Write(_categoryCount);
    }

    public static RankerFeatures Read(BinaryReader reader, IRecommender[] components, int candidatesPerModel) =>
        new(
            components,
            candidatesPerModel,
            ModelFormat.ReadInts(reader),
            ModelFormat.ReadInts(reader),
            ModelFormat.ReadInts(reader),
            ModelFormat.ReadInts(reader),
            ModelFormat.ReadInts(reader),
            reader.ReadInt32());

    private ReadOnlySpan<int> UserItems(int user) =>
        (uint)user < (uint)(_userPtr.Length - 1) ? _userItems.AsSpan(_userPtr[user], _userPtr[user + 1] - _userPtr[user]) : [];

    private IReadOnlyList<ScoredItem>[] TopLists(int user)
    {
        var tops = new IReadOnlyList<ScoredItem>[_components.Length];
        for (var m = 0; m < tops.Length; m++)
        {
            tops[m] = _components[m].Recommend(user, _candidatesPerModel, item => !IsSeen(user, item));
        }

        return tops;
    }

    private bool IsSeen(int user, int item) => UserItems(user).BinarySearch(item) >= 0;

    private float[] CategoryShare(ReadOnlySpan<int> seen)
    {
        var share = new float[_categoryCount];
        if (seen.Length == 0)
        {
            return share;
        }

        foreach (var item in seen)
        {
            for (var k = _categoryPtr[item]; k < _categoryPtr[item + 1]; k++)
            {
                share[_categories[k]] += 1f / seen.Length;
            }
        }

        return share;
    }

    private float Affinity(float[] share, int item)
    {
        var count = _categoryPtr[item + 1] - _categoryPtr[item];
        if (count == 0)
        {
            return 0f;
        }

        var sum = 0f;
        for (var k = _categoryPtr[item]; k < _categoryPtr[item + 1]; k++)
        {
            sum += share[_categories[k]];
        }

        return sum / count;
    }
}
