namespace Dashboard.Application.DataSources.Ingestion;

/// <summary>
/// A set of 64-bit keys for de-duplicating imports: one array of keys, open addressing with linear probing, at
/// most three quarters full. That is 8 bytes a slot, 11–21 bytes a key, where <see cref="HashSet{T}"/> of
/// <see cref="ulong"/> spends 20 bytes a slot (a 16-byte entry and a 4-byte bucket) and keeps up to twice as
/// many slots as keys: on 10M-row imports the sets were the largest memory that grew with the rows.
/// <para>
/// The slot of a key comes from the high bits of the key times a 64-bit odd constant (Fibonacci hashing), so
/// keys whose low bits are poorly mixed (FNV-1a's) still spread. An empty slot holds 0; the key 0 itself is
/// kept in a flag.
/// </para>
/// </summary>
public sealed class HashKeySet
{
    private const ulong Spread = 0x9E3779B97F4A7C15;
    private const int InitialBits = 10;

    private ulong[] _slots = new ulong[1 << InitialBits];
    private int _shift = 64 - InitialBits;
    private long _stored;
    private bool _hasZero;

    /// <summary>How many distinct keys the set holds.</summary>
    public long Count => _stored + (_hasZero ? 1 : 0);

    /// <summary>Adds <paramref name="key"/>; false when it was already there.</summary>
    public bool Add(ulong key)
    {
        if (key == 0)
        {
            var added = !_hasZero;
            _hasZero = true;
            return added;
        }

        var mask = _slots.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var held = _slots[slot];
            if (held == key)
            {
                return false;
            }

            if (held == 0)
            {
                _slots[slot] = key;
                if (++_stored > (long)_slots.Length * 3 / 4)
                {
                    Grow();
                }

                return true;
            }
        }
    }

    /// <summary>Whether <paramref name="key"/> was added before.</summary>
    public bool Contains(ulong key)
    {
        if (key == 0)
        {
            return _hasZero;
        }

        var mask = _slots.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var held = _slots[slot];
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

    private int Slot(ulong key) => (int)((key * Spread) >> _shift);

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        _shift--;
        var mask = _slots.Length - 1;
        foreach (var key in old)
        {
            if (key == 0)
            {
                continue;
            }

            var slot = Slot(key);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = key;
        }
    }
}
