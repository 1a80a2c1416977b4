using System.Numerics;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Dense kernels for one weight row against a batch of activation rows (row-major, <c>width</c> floats each).
/// They exist because a call per (row, user) pair spends as long in call overhead and in re-reading the row
/// as in arithmetic; here the row and the running sums stay in registers across the batch. Every sum runs in
/// a fixed order, so results depend on the inputs only.
/// </summary>
internal static class BatchKernels
{
    /// <summary>result[b] = row · rows[b] for each of the <paramref name="count"/> rows.</summary>
    public static void DotRows(ReadOnlySpan<float> row, ReadOnlySpan<float> rows, int count, Span<float> result)
    {
        var width = row.Length;
        var b = 0;
        for (; b + 4 <= count; b += 4)
        {
            var r0 = rows.Slice(b * width, width);
            var r1 = rows.Slice((b + 1) * width, width);
            var r2 = rows.Slice((b + 2) * width, width);
            var r3 = rows.Slice((b + 3) * width, width);
            var a0 = Vector<float>.Zero;
            var a1 = Vector<float>.Zero;
            var a2 = Vector<float>.Zero;
            var a3 = Vector<float>.Zero;
            var k = 0;
            for (; k <= width - Vector<float>.Count; k += Vector<float>.Count)
            {
                var w = new Vector<float>(row[k..]);
                a0 = Vector.FusedMultiplyAdd(w, new Vector<float>(r0[k..]), a0);
                a1 = Vector.FusedMultiplyAdd(w, new Vector<float>(r1[k..]), a1);
                a2 = Vector.FusedMultiplyAdd(w, new Vector<float>(r2[k..]), a2);
                a3 = Vector.FusedMultiplyAdd(w, new Vector<float>(r3[k..]), a3);
            }

            float s0 = Vector.Sum(a0), s1 = Vector.Sum(a1), s2 = Vector.Sum(a2), s3 = Vector.Sum(a3);
            for (; k < width; k++)
            {
                s0 += row[k] * r0[k];
                s1 += row[k] * r1[k];
                s2 += row[k] * r2[k];
                s3 += row[k] * r3[k];
            }

            result[b] = s0;
            result[b + 1] = s1;
            result[b + 2] = s2;
            result[b + 3] = s3;
        }

        for (; b < count; b++)
        {
            var r = rows.Slice(b * width, width);
            var a = Vector<float>.Zero;
            var k = 0;
            for (; k <= width - Vector<float>.Count; k += Vector<float>.Count)
            {
                a = Vector.FusedMultiplyAdd(new Vector<float>(row[k..]), new Vector<float>(r[k..]), a);
            }

            var s = Vector.Sum(a);
            for (; k < width; k++)
            {
                s += row[k] * r[k];
            }

            result[b] = s;
        }
    }

    /// <summary>
    /// <see cref="DotRows"/> for two weight rows at once (result0[b] = row0 · rows[b], result1[b] = row1 · rows[b]):
    /// each batch row is loaded once for both.
    /// </summary>
    public static void DotRowsPair(ReadOnlySpan<float> row0, ReadOnlySpan<float> row1, ReadOnlySpan<float> rows, int count, Span<float> result0, Span<float> result1)
    {
        var width = row0.Length;
        var b = 0;
        for (; b + 2 <= count; b += 2)
        {
            var r0 = rows.Slice(b * width, width);
            var r1 = rows.Slice((b + 1) * width, width);
            var a00 = Vector<float>.Zero;
            var a01 = Vector<float>.Zero;
            var a10 = Vector<float>.Zero;
            var a11 = Vector<float>.Zero;
            var k = 0;
            for (; k <= width - Vector<float>.Count; k += Vector<float>.Count)
            {
                var w0 = new Vector<float>(row0[k..]);
                var w1 = new Vector<float>(row1[k..]);
                var x0 = new Vector<float>(r0[k..]);
                var x1 = new Vector<float>(r1[k..]);
                a00 = Vector.FusedMultiplyAdd(w0, x0, a00);
                a01 = Vector.FusedMultiplyAdd(w0, x1, a01);
                a10 = Vector.FusedMultiplyAdd(w1, x0, a10);
                a11 = Vector.FusedMultiplyAdd(w1, x1, a11);
            }

            float s00 = Vector.Sum(a00), s01 = Vector.Sum(a01), s10 = Vector.Sum(a10), s11 = Vector.Sum(a11);
            for (; k < width; k++)
            {
                s00 += row0[k] * r0[k];
                s01 += row0[k] * r1[k];
                s10 += row1[k] * r0[k];
                s11 += row1[k] * r1[k];
            }

            result0[b] = s00;
            result0[b + 1] = s01;
            result1[b] = s10;
            result1[b + 1] = s11;
        }

        if (b < count)
        {
            DotRows(row0, rows[(b * width)..], 1, result0[b..]);
            DotRows(row1, rows[(b * width)..], 1, result1[b..]);
        }
    }

    /// <summary>
    /// The two products of a row's output gradients <paramref name="d"/> (one per batch row):
    /// rowGradient += Σ_b d[b]·rows[b] and rowsGradient[b] += d[b]·row.
    /// </summary>
    public static void OuterUpdate(ReadOnlySpan<float> row, ReadOnlySpan<float> d, ReadOnlySpan<float> rows, Span<float> rowGradient, Span<float> rowsGradient)
    {
        var width = row.Length;
        var count = d.Length;
        var k = 0;
        for (; k <= width - Vector<float>.Count; k += Vector<float>.Count)
        {
            var w = new Vector<float>(row[k..]);
            var acc = new Vector<float>(rowGradient[k..]);
            for (var b = 0; b < count; b++)
            {
                var at = (b * width) + k;
                var db = new Vector<float>(d[b]);
                acc = Vector.FusedMultiplyAdd(db, new Vector<float>(rows[at..]), acc);
                Vector.FusedMultiplyAdd(db, w, new Vector<float>(rowsGradient[at..])).CopyTo(rowsGradient[at..]);
            }

            acc.CopyTo(rowGradient[k..]);
        }

        for (; k < width; k++)
        {
            var acc = rowGradient[k];
            for (var b = 0; b < count; b++)
            {
                var at = (b * width) + k;
                acc += d[b] * rows[at];
                rowsGradient[at] += d[b] * row[k];
            }

            rowGradient[k] = acc;
        }
    }

    /// <summary>
    /// <see cref="OuterUpdate"/> for two rows at once: each batch row's activations and gradient are loaded
    /// once for both, which halves the memory traffic per multiply-add.
    /// </summary>
    public static void OuterUpdatePair(
        ReadOnlySpan<float> row0,
        ReadOnlySpan<float> row1,
        ReadOnlySpan<float> d0,
        ReadOnlySpan<float> d1,
        ReadOnlySpan<float> rows,
        Span<float> rowGradient0,
        Span<float> rowGradient1,
        Span<float> rowsGradient)
    {
        var width = row0.Length;
        var count = d0.Length;
        var k = 0;
        for (; k <= width - Vector<float>.Count; k += Vector<float>.Count)
        {
            var w0 = new Vector<float>(row0[k..]);
            var w1 = new Vector<float>(row1[k..]);
            var acc0 = new Vector<float>(rowGradient0[k..]);
            var acc1 = new Vector<float>(rowGradient1[k..]);
            for (var b = 0; b < count; b++)
            {
                var at = (b * width) + k;
                var a = new Vector<float>(rows[at..]);
                var db0 = new Vector<float>(d0[b]);
                var db1 = new Vector<float>(d1[b]);
                acc0 = Vector.FusedMultiplyAdd(db0, a, acc0);
                acc1 = Vector.FusedMultiplyAdd(db1, a, acc1);
                var g = Vector.FusedMultiplyAdd(db0, w0, new Vector<float>(rowsGradient[at..]));
                Vector.FusedMultiplyAdd(db1, w1, g).CopyTo(rowsGradient[at..]);
            }

            acc0.CopyTo(rowGradient0[k..]);
            acc1.CopyTo(rowGradient1[k..]);
        }

        for (; k < width; k++)
        {
            var acc0 = rowGradient0[k];
            var acc1 = rowGradient1[k];
            for (var b = 0; b < count; b++)
            {
                var at = (b * width) + k;
                acc0 += d0[b] * rows[at];
                acc1 += d1[b] * rows[at];
                rowsGradient[at] += d0[b] * row0[k];
                rowsGradient[at] += d1[b] * row1[k];
            }

            rowGradient0[k] = acc0;
            rowGradient1[k] = acc1;
        }
    }
}
