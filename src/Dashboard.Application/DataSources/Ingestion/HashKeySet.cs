namespace Dashboard.Application.DataSources.Ingestion;

/// <summary>
/// A set of 64-bit keys for de-duplicating imports: arrays of keys, open addressing with linear probing, each at
/// most three quarters full. That is 8 bytes a slot, 11–21 bytes a key, where <see cref="HashSet{T}"/> of
/// <see cref="ulong"/> spends 20 bytes a slot (a 16-byte entry and a 4-byte bucket) and keeps up to twice as
/// many slots as keys: on 10M-row imports the sets were the largest memory that grew with the rows.
/// <para>
/// The keys are spread over <see cref="Segments"/> arrays that grow one at a time, so growing holds the old and
/// the new copy of one segment, not of the whole set (one array of 10M keys would briefly need 64 + 128 MB).
/// The segment and slot of a key come from the high bits of the key times a 64-bit odd constant (Fibonacci
/// hashing), so keys whose low bits are poorly mixed (FNV-1a's) still spread. An empty slot holds 0; the key 0
/// itself is kept in a flag.
/// </para>
/// </summary>
public sealed class HashKeySet
{
    /// <summary>How many arrays the keys are spread over.</summary>
    public const int Segments = 1 << SegmentBits;

    private const int SegmentBits = 6;
    private const ulong Spread = 0x9E3779B97F4A7C15;
    private const int InitialSlotBits = 4;

    private readonly ulong[][] _slots = new ulong[Segments][];
    private readonly int[] _stored = new int[Segments];
    private readonly int[] _shift = new int[Segments];
    private bool _hasZero;

    public HashKeySet()
    {
        for (var s = 0; s < Segments; s++)
        {
            _slots[s] = new ulong[1 << InitialSlotBits];
            _shift[s] = 64 - InitialSlotBits;
        }
    }

    /// <summary>How many distinct keys the set holds.</summary>
    public long Count
    {
        get
        {
            long count = _hasZero ? 1 : 0;
            foreach (var stored in _stored)
            {
                count += stored;
            }

            return count;
        }
    }

    /// <summary>Adds <paramref name="key"/>; false when it was already there.</summary>
    public bool Add(ulong key)
    {
        if (key == 0)
        {
            var added = !_hasZero;
            _hasZero = true;
            return added;
        }

        if (Find(key, out var segment, out var slot))
        {
            return false;
        }

        _slots[segment][slot] = key;
        if (++_stored[segment] > _slots[segment].Length / 4 * 3)
        {
            Grow(segment);
        }

        return true;
    }

    /// <summary>Whether <paramref name="key"/> was added before.</summary>
    public bool Contains(ulong key)
    {
        if (key == 0)
        {
            return _hasZero;
        }

        return Find(key, out _, out _);
    }

    /// <summary>Probes for a non-zero key: true and its slot when it is held, false and the empty slot it would take.</summary>
    private bool Find(ulong key, out int segment, out int slot)
    {
        var spread = key * Spread;
        segment = (int)(spread >> (64 - SegmentBits));
        var slots = _slots[segment];
        var mask = slots.Length - 1;
        for (slot = Slot(spread, segment); ; slot = (slot + 1) & mask)
        {
            var held = slots[slot];
            if (held == key)
            {
                return true;
            }

            if (held == 0)
            {
                return false;
            }
        }
    }

    /// <summary>The slot within the segment: the bits just below the segment's.</summary>
    private int Slot(ulong spread, int segment) => (int)((spread << SegmentBits) >> _shift[segment]);

    private void Grow(int segment)
    {
        var old = _slots[segment];
        var slots = new ulong[old.Length * 2];
        _slots[segment] = slots;
        _shift[segment]--;
        var mask = slots.Length - 1;
        foreach (var key in old)
        {
            if (key == 0)
            {
                continue;
            }

            var slot = Slot(key * Spread, segment);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = key;
        }
    }
}
