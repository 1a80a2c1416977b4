using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// A tenant's interactions as columns (no object per row), with the external ids of end-users and
/// items and the items' details. Row r is: end-user <c>Users[r]</c> (index into <see cref="EndUserIds"/>)
/// interacted with item <c>Items[r]</c> by event type <c>EventTypeNames[EventTypes[r]]</c>, with
/// <c>Values[r]</c> at <c>TimestampTicks[r]</c> (UTC ticks).
/// <para>
/// Ratings versus implicit events: an event of type <see cref="RatingEventType"/> carries stars in its
/// value and feeds the rating components (biased MF, SVD++; the latest rating of a pair wins). Every
/// counted event, ratings included, feeds the other components as an implicit signal worth the
/// blend's event weight for its type times its value (1 for a plain event; a quantity when the source
/// has one; for a rating, the weight of "rating" alone), summed over repeats of the same pair.
/// </para>
/// Build one with <see cref="TrainingDataBuilder"/> or from columns read straight from a database.
/// </summary>
public sealed class TrainingData
{
    /// <summary>The event type whose value is a star rating.</summary>
    public const string RatingEventType = "rating";

    private readonly int[] _users;
    private readonly int[] _items;
    private readonly short[] _eventTypes;
    private readonly float[] _values;
    private readonly long[] _ticks;

    /// <summary>Wraps columns without copying them; the caller must not change them afterwards.</summary>
    /// <exception cref="ArgumentException">Columns of different lengths or indices out of range.</exception>
    public TrainingData(
        IReadOnlyList<string> endUserIds,
        IReadOnlyList<string> itemIds,
        IReadOnlyList<ItemDetails?> itemDetails,
        IReadOnlyList<string> eventTypeNames,
        int[] users,
        int[] items,
        short[] eventTypes,
        float[] values,
        long[] timestampTicks)
    {
        ArgumentNullException.ThrowIfNull(endUserIds);
        ArgumentNullException.ThrowIfNull(itemIds);
        ArgumentNullException.ThrowIfNull(itemDetails);
        ArgumentNullException.ThrowIfNull(eventTypeNames);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(eventTypes);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(timestampTicks);
        var n = users.Length;
        if (items.Length != n || eventTypes.Length != n || values.Length != n || timestampTicks.Length != n)
        {
            throw new ArgumentException("All interaction columns must have the same length.", nameof(items));
        }

        if (itemDetails.Count != itemIds.Count)
        {
            throw new ArgumentException("There must be one details entry (or null) per item.", nameof(itemDetails));
        }

        for (var r = 0; r < n; r++)
        {
            if ((uint)users[r] >= (uint)endUserIds.Count || (uint)items[r] >= (uint)itemIds.Count
                || (uint)eventTypes[r] >= (uint)eventTypeNames.Count || !float.IsFinite(values[r]))
            {
                throw new ArgumentException($"Interaction row {r} refers to an end-user, item or event type that is not listed, or has a non-finite value.", nameof(users));
            }
        }

        EndUsers = new IdMap(endUserIds);
        ItemMap = new IdMap(itemIds);
        if (EndUsers.Count != endUserIds.Count || ItemMap.Count != itemIds.Count)
        {
            throw new ArgumentException("End-user ids and item ids must be unique.", nameof(endUserIds));
        }

        var details = new ItemDetails[itemIds.Count];
        for (var i = 0; i < details.Length; i++)
        {
            details[i] = itemDetails[i] ?? ItemDetails.Empty;
        }

        Details = details;
        EventTypeNames = [.. eventTypeNames];
        _users = users;
        _items = items;
        _eventTypes = eventTypes;
        _values = values;
        _ticks = timestampTicks;
    }

    public IReadOnlyList<string> EndUserIds => EndUsers.Ids;

    public IReadOnlyList<string> ItemIds => ItemMap.Ids;

    /// <summary>Details per item index (<see cref="ItemDetails.Empty"/> when none were given).</summary>
    public IReadOnlyList<ItemDetails> Details { get; }

    public IReadOnlyList<string> EventTypeNames { get; }

    public int Count => _users.Length;

    public ReadOnlySpan<int> Users => _users;

    public ReadOnlySpan<int> Items => _items;

    public ReadOnlySpan<short> EventTypes => _eventTypes;

    public ReadOnlySpan<float> Values => _values;

    public ReadOnlySpan<long> TimestampTicks => _ticks;

    internal IdMap EndUsers { get; }

    internal IdMap ItemMap { get; }

    public int IndexOfEndUser(string endUserId) => EndUsers.IndexOf(endUserId);

    public int IndexOfItem(string itemId) => ItemMap.IndexOf(itemId);

    /// <summary>Counts and flags for <see cref="BlendSpec.Validate"/>.</summary>
    public DataProfile Profile()
    {
        var ratingType = RatingTypeIndex();
        var hasRatings = false;
        var activeUsers = new bool[EndUsers.Count];
        var activeItems = new bool[ItemMap.Count];
        int userCount = 0, itemCount = 0;
        for (var r = 0; r < _users.Length; r++)
        {
            hasRatings |= _eventTypes[r] == ratingType;
            if (!activeUsers[_users[r]])
            {
                activeUsers[_users[r]] = true;
                userCount++;
            }

            if (!activeItems[_items[r]])
            {
                activeItems[_items[r]] = true;
                itemCount++;
            }
        }

        var hasText = false;
        foreach (var d in Details)
        {
            hasText |= d.HasText;
        }

        return new DataProfile(userCount, itemCount, _users.Length, hasRatings, hasText);
    }

    /// <summary>The same end-users, items and details with only the given rows (a side of a split).</summary>
    internal TrainingData WithRows(ReadOnlySpan<int> rows)
    {
        var users = new int[rows.Length];
        var items = new int[rows.Length];
        var types = new short[rows.Length];
        var values = new float[rows.Length];
        var ticks = new long[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            users[i] = _users[r];
            items[i] = _items[r];
            types[i] = _eventTypes[r];
            values[i] = _values[r];
            ticks[i] = _ticks[r];
        }

        return new TrainingData(this, users, items, types, values, ticks);
    }

    /// <summary>Index of <see cref="RatingEventType"/> in <see cref="EventTypeNames"/>, or -1.</summary>
    internal int RatingTypeIndex()
    {
        for (var t = 0; t < EventTypeNames.Count; t++)
        {
            if (EventNameComparer.Instance.Equals(EventTypeNames[t], RatingEventType))
            {
                return t;
            }
        }

        return -1;
    }

    private TrainingData(TrainingData source, int[] users, int[] items, short[] eventTypes, float[] values, long[] ticks)
    {
        EndUsers = source.EndUsers;
        ItemMap = source.ItemMap;
        Details = source.Details;
        EventTypeNames = source.EventTypeNames;
        _users = users;
        _items = items;
        _eventTypes = eventTypes;
        _values = values;
        _ticks = ticks;
    }
}
