using Dashboard.Application.DataSources.Ingestion;

namespace Dashboard.Application.Tests.DataSources.Ingestion;

public sealed class HashKeySetTests
{
    [Fact]
    public void Add_OfAKeyAlreadyThere_ReturnsFalse_AndCountsItOnce()
    {
        var set = new HashKeySet();

        Assert.True(set.Add(42));
        Assert.False(set.Add(42));
        Assert.True(set.Add(43));

        Assert.Equal(2, set.Count);
    }

    [Fact]
    public void KeyZero_IsAKeyLikeAnyOther()
    {
        var set = new HashKeySet();
        Assert.False(set.Contains(0));

        Assert.True(set.Add(0));
        Assert.False(set.Add(0));

        Assert.True(set.Contains(0));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void KeysWhoseLowBitsAreAllZero_AreEachFound_AfterTheSetHasGrownManyTimes()
    {
        var set = new HashKeySet();
        const int keys = 200_000;
        for (var k = 1UL; k <= keys; k++)
        {
            Assert.True(set.Add(k << 32));
        }

        for (var k = 1UL; k <= keys; k++)
        {
            Assert.True(set.Contains(k << 32));
            Assert.False(set.Contains((k << 32) + 1));
        }

        Assert.Equal(keys, set.Count);
    }

    [Fact]
    public void AMillionKeys_AllocateLessThanTwoThirdsOfWhatAHashSetOfUlongDoes()
    {
        var mixed = MixedKeys(1_000_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var compact = new HashKeySet();
        foreach (var key in mixed)
        {
            compact.Add(key);
        }

        var compactBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        var hashSet = new HashSet<ulong>();
        foreach (var key in mixed)
        {
            hashSet.Add(key);
        }

        var hashSetBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(hashSet.Count, compact.Count);
        Assert.True(compactBytes * 3 < hashSetBytes * 2, $"HashKeySet allocated {compactBytes:N0} bytes, HashSet<ulong> {hashSetBytes:N0}.");
    }

    [Fact]
    public void Growing_AllocatesOneSegmentAtATime_NeverACopyOfTheWholeSet()
    {
        var mixed = MixedKeys(1_000_000);
        var set = new HashKeySet();
        long largest = 0;
        foreach (var key in mixed)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            set.Add(key);
            largest = Math.Max(largest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        // A million keys need 2²¹ slots of 8 bytes (16 MB) in all; no single growth may allocate more than 1 MB of them.
        Assert.InRange(largest, 1, 1 << 20);
    }

    private static ulong[] MixedKeys(int count)
    {
        var keys = new ulong[count];
        var state = 0x2545F4914F6CDD1DUL;
        for (var i = 0; i < keys.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            keys[i] = state;
        }

        return keys;
    }
}
