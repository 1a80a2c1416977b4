using System.Numerics;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// A set of end-users as one bit per position in the organisation's end-users sorted by id: "and", "or" and
/// "not" over 100,000 end-users are a few thousand word operations, where hash sets of ids cost milliseconds each.
/// </summary>
internal sealed class MemberSet
{
    private readonly ulong[] _words;

    private MemberSet(int length, ulong[] words)
    {
        Length = length;
        _words = words;
    }

    /// <summary>How many end-users the positions cover.</summary>
    public int Length { get; }

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var word in _words)
            {
                count += BitOperations.PopCount(word);
            }

            return count;
        }
    }

    public static MemberSet None(int length) => new(length, new ulong[(length + 63) / 64]);

    public static MemberSet All(int length)
    {
        var set = None(length);
        Array.Fill(set._words, ulong.MaxValue);
        set.ClearTail();
        return set;
    }

    public MemberSet Copy() => new(Length, (ulong[])_words.Clone());

    public void Add(int position) => _words[position >> 6] |= 1UL << position;

    public bool Contains(int position) => (_words[position >> 6] & (1UL << position)) != 0;

    public void IntersectWith(MemberSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] &= other._words[i];
        }
    }

    public void UnionWith(MemberSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] |= other._words[i];
        }
    }

    public void Complement()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] = ~_words[i];
        }

        ClearTail();
    }

    // Bits past the last end-user must stay clear, or a complement would count people who do not exist.
    private void ClearTail()
    {
        var used = Length & 63;
        if (used != 0)
        {
            _words[^1] &= (1UL << used) - 1;
        }
    }
}
