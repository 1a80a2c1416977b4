using System.Runtime.InteropServices;

namespace Dashboard.Recommender.Data;

/// <summary>
/// Two-way map between external ids (strings as the tenant sends them) and dense indices 0..Count-1.
/// </summary>
public sealed class IdMap
{
    private readonly Dictionary<string, int> _index;
    private readonly List<string> _ids;

    public IdMap()
    {
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        _ids = [];
    }

    public IdMap(IEnumerable<string> ids)
        : this()
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            GetOrAdd(id);
        }
    }

    public int Count => _ids.Count;

    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Returns the dense index of <paramref name="id"/>, adding it when new.</summary>
    public int GetOrAdd(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, id, out var exists);
        if (!exists)
        {
            slot = _ids.Count;
            _ids.Add(id);
        }

        return slot;
    }

    /// <summary>The dense index of <paramref name="id"/>, or -1 when unknown.</summary>
    public int IndexOf(string id) => _index.TryGetValue(id, out var i) ? i : -1;

    public string IdAt(int index) => _ids[index];
}
