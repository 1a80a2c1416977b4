using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Top-n selection over a dense score vector with a bounded min-heap: O(items · log n), no sort of
/// the whole catalogue. Ties are broken by the lower item index so results are deterministic.
/// </summary>
internal static class TopN
{
    public static ScoredItem[] Select(ReadOnlySpan<float> scores, int n, Func<int, bool>? allow)
    {
        if (n <= 0)
        {
            return [];
        }

        var heap = new ScoredItem[Math.Min(n, scores.Length)];
        var size = 0;
        for (var item = 0; item < scores.Length; item++)
        {
            var s = scores[item];
            if (float.IsNaN(s))
            {
                continue;
            }

            if (size == heap.Length && !Better(s, item, heap[0]))
            {
                continue;
            }

            if (allow is not null && !allow(item))
            {
                continue;
            }

            if (size < heap.Length)
            {
                heap[size] = new ScoredItem(item, s);
                SiftUp(heap, size++);
            }
            else
            {
                heap[0] = new ScoredItem(item, s);
                SiftDown(heap, 0, size);
            }
        }

        var result = new ScoredItem[size];
        for (var i = size - 1; i >= 0; i--)
        {
            result[i] = heap[0];
            heap[0] = heap[i];
            SiftDown(heap, 0, i);
        }

        return result;
    }

    /// <summary>True when (score, item) ranks above <paramref name="other"/>.</summary>
    private static bool Better(float score, int item, ScoredItem other) =>
        score > other.Score || (score == other.Score && item < other.Item);

    private static void SiftUp(ScoredItem[] heap, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(heap[parent].Score, heap[parent].Item, heap[i]))
            {
                break;
            }

            (heap[parent], heap[i]) = (heap[i], heap[parent]);
            i = parent;
        }
    }

    private static void SiftDown(ScoredItem[] heap, int i, int size)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= size)
            {
                return;
            }

            var worst = left;
            var right = left + 1;
            if (right < size && Better(heap[left].Score, heap[left].Item, heap[right]))
            {
                worst = right;
            }

            if (!Better(heap[i].Score, heap[i].Item, heap[worst]))
            {
                return;
            }

            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }
}
