using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Software prefetch of array ranges the SGD loop will touch a little later, so their cache misses overlap
/// the current work instead of stalling it. A prefetch is only a hint: it never faults and never changes a
/// value, so results are bit-for-bit those without it, and where the CPU has no such instruction (not x86)
/// it does nothing. The address is taken from an unpinned array; if the collector moves the array in
/// between, the hint lands on a stale line and is merely wasted.
/// </summary>
internal static class CachePrefetch
{
    private const int LineBytes = 64;

    /// <summary>Asks for the cache lines holding <paramref name="array"/>[start .. start + count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Range<T>(T[] array, int start, int count)
        where T : unmanaged
    {
        if (!Sse.IsSupported || count <= 0)
        {
            return;
        }

        var first = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(array.AsSpan(start, count)));
        var bytes = count * sizeof(T);
        for (var offset = 0; offset < bytes; offset += LineBytes)
        {
            Sse.Prefetch0(first + offset);
        }

        // The range rarely starts on a line boundary, so its tail may sit on one more line.
        Sse.Prefetch0(first + bytes - 1);
    }
}
