using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// Collects interactions row by row into growing columns (no object per row; end-user, item and event
/// type strings are interned once) and item details, then <see cref="Build"/>s a <see cref="TrainingData"/>.
/// Items and end-users get indices in order of first appearance. Not thread-safe.
/// </summary>
public sealed class TrainingDataBuilder
{
    private readonly IdMap _users = new();
    private readonly IdMap _items = new();
    private readonly Dictionary<string, short> _eventTypes = new(EventNameComparer.Instance);
    private readonly List<string> _eventTypeNames = [];
    private readonly List<ItemDetails?> _details = [];
    private int[] _rowUsers;
    private int[] _rowItems;
    private short[] _rowTypes;
    private float[] _rowValues;
    private long[] _rowTicks;
    private int _count;

    /// <param name="expectedInteractions">Initial column capacity, e.g. the row count of the source query.</param>
    public TrainingDataBuilder(int expectedInteractions = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedInteractions);
        var capacity = Math.Max(16, expectedInteractions);
        _rowUsers = new int[capacity];
        _rowItems = new int[capacity];
        _rowTypes = new short[capacity];
        _rowValues = new float[capacity];
        _rowTicks = new long[capacity];
    }

    public int Count => _count;

    /// <summary>Adds one interaction.</summary>
    /// <param name="value">Stars for a <see cref="TrainingData.RatingEventType"/> event; otherwise usually 1 (or a quantity).</param>
    /// <param name="timestampUtc">When it happened; a local or unspecified time is taken as UTC.</param>
    public void Add(string endUserId, string itemId, string eventType, float value, DateTime timestampUtc) =>
        Add(endUserId, itemId, eventType, value, timestampUtc.Ticks);

    /// <summary>Adds one interaction with its time as UTC ticks (what a database column usually holds).</summary>
    public void Add(string endUserId, string itemId, string eventType, float value, long timestampTicksUtc)
    {
        ArgumentNullException.ThrowIfNull(endUserId);
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentNullException.ThrowIfNull(eventType);
        if (!float.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value must be a finite number.");
        }

        if (_count == _rowUsers.Length)
        {
            Grow();
        }

        _rowUsers[_count] = _users.GetOrAdd(endUserId);
        _rowItems[_count] = ItemIndex(itemId);
        _rowTypes[_count] = EventTypeIndex(eventType);
        _rowValues[_count] = value;
        _rowTicks[_count] = timestampTicksUtc;
        _count++;
    }

    /// <summary>Sets an item's details (the last call for an id wins); the item need not have interactions.</summary>
    public void AddItem(
        string itemId, string title, IReadOnlyList<string>? categories = null, IReadOnlyList<string>? tags = null, string? attributeText = null)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        _details[ItemIndex(itemId)] = new ItemDetails(title ?? string.Empty, categories ?? [], tags ?? [], attributeText ?? string.Empty);
    }

    public TrainingData Build() => new(
        _users.Ids,
        _items.Ids,
        _details,
        _eventTypeNames,
        _rowUsers[.._count],
        _rowItems[.._count],
        _rowTypes[.._count],
        _rowValues[.._count],
        _rowTicks[.._count]);

    private int ItemIndex(string itemId)
    {
        var index = _items.GetOrAdd(itemId);
        if (index == _details.Count)
        {
            _details.Add(null);
        }

        return index;
    }

    private short EventTypeIndex(string eventType)
    {
        var name = eventType.Trim();
        if (_eventTypes.TryGetValue(name, out var index))
        {
            return index;
        }

        if (_eventTypeNames.Count == short.MaxValue)
        {
            throw new InvalidOperationException($"More than {short.MaxValue} distinct event types.");
        }

        index = (short)_eventTypeNames.Count;
        _eventTypes[name] = index;
        _eventTypeNames.Add(name);
        return index;
    }

    private void Grow()
    {
        var capacity = checked(_rowUsers.Length * 2);
        Array.Resize(ref _rowUsers, capacity);
        Array.Resize(ref _rowItems, capacity);
        Array.Resize(ref _rowTypes, capacity);
        Array.Resize(ref _rowValues, capacity);
        Array.Resize(ref _rowTicks, capacity);
    }
}
