using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Cholesky factorisation and inversion of a dense symmetric positive-definite matrix stored
/// row-major in a double array. Used by EASE (item Gram matrix) and small per-user solves.
/// The factorisation is left-looking and blocked by column panels so the rows a panel reads stay in
/// cache; the inverse solves G X = I for blocks of identity columns, one block per task.
/// </summary>
internal static class DenseCholesky
{
    private const int Panel = 32;

    /// <summary>
    /// <see cref="Factor"/> on one thread, for the small systems of a single request (a k × k fold-in),
    /// where starting parallel loops per column costs more than the arithmetic.
    /// </summary>
    public static void FactorSmall(Span<double> a, int n)
    {
        if (a.Length < (long)n * n)
        {
            throw new ArgumentException("The array is smaller than n × n.", nameof(a));
        }

        for (var j = 0; j < n; j++)
        {
            var rowJ = a.Slice(j * n, j);
            var diagonal = a[(j * n) + j] - TensorPrimitives.Dot(rowJ, rowJ);
            if (!(diagonal > 0))
            {
                throw new InvalidOperationException($"The matrix is not positive definite (pivot {j} is {diagonal}); increase the regularisation.");
            }

            var pivot = Math.Sqrt(diagonal);
            a[(j * n) + j] = pivot;
            for (var i = j + 1; i < n; i++)
            {
                a[(i * n) + j] = (a[(i * n) + j] - TensorPrimitives.Dot(a.Slice(i * n, j), rowJ)) / pivot;
            }
        }
    }

    /// <summary>
    /// Overwrites the lower triangle of <paramref name="a"/> (n × n) with L such that L Lᵀ = A; the strict
    /// upper triangle is left untouched and never read afterwards. Throws when A is not positive definite.
    /// </summary>
    public static void Factor(double[] a, int n, CancellationToken cancellationToken)
    {
        if (a.Length < (long)n * n)
        {
            throw new ArgumentException("The array is smaller than n × n.", nameof(a));
        }

        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        for (var k0 = 0; k0 < n; k0 += Panel)
        {
            var k1 = Math.Min(n, k0 + Panel);

            // 1. Subtract the contribution of all finished columns (< k0) from the panel, rows ≥ k0.
            if (k0 > 0)
            {
                Parallel.For(k0, n, parallel, i =>
                {
                    var rowI = a.AsSpan(i * n, k0);
                    var last = Math.Min(i, k1 - 1);
                    for (var j = k0; j <= last; j++)
                    {
                        a[(i * n) + j] -= TensorPrimitives.Dot(rowI, a.AsSpan(j * n, k0));
                    }
                });
            }

            // 2. Unblocked left-looking factorisation inside the panel.
            for (var j = k0; j < k1; j++)
            {
                var diagonal = a[(j * n) + j] - TensorPrimitives.Dot(a.AsSpan((j * n) + k0, j - k0), a.AsSpan((j * n) + k0, j - k0));
                if (!(diagonal > 0))
                {
                    throw new InvalidOperationException($"The matrix is not positive definite (pivot {j} is {diagonal}); increase the regularisation.");
                }

                var pivot = Math.Sqrt(diagonal);
                a[(j * n) + j] = pivot;
                var column = j;
                Parallel.For(j + 1, n, parallel, i =>
                {
                    var s = a[(i * n) + column] - TensorPrimitives.Dot(a.AsSpan((i * n) + k0, column - k0), a.AsSpan((column * n) + k0, column - k0));
                    a[(i * n) + column] = s / pivot;
                });
            }
        }
    }

    /// <summary>Returns A⁻¹ (n × n, full) given the factor L from <see cref="Factor"/>.</summary>
    public static double[] InverseFromFactor(double[] l, int n, CancellationToken cancellationToken)
    {
        var width = 4 * Vector<double>.Count;
        var blocks = (n + width - 1) / width;
        var inverse = new double[(long)n * n];
        Parallel.For(
            0,
            blocks,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new double[n * width],
            (block, _, y) =>
            {
                var c0 = block * width;
                var count = Math.Min(width, n - c0);
                Array.Clear(y);
                for (var c = 0; c < count; c++)
                {
                    y[((c0 + c) * width) + c] = 1;
                }

                // Forward: L Y = E. Rows above c0 of E are zero and stay zero.
                for (var i = c0; i < n; i++)
                {
                    var yi = MemoryMarshal.Cast<double, Vector<double>>(y.AsSpan(i * width, width));
                    var rowL = l.AsSpan(i * n, i);
                    for (var j = c0; j < i; j++)
                    {
                        var lij = new Vector<double>(rowL[j]);
                        var yj = MemoryMarshal.Cast<double, Vector<double>>(y.AsSpan(j * width, width));
                        for (var v = 0; v < yi.Length; v++)
                        {
                            yi[v] -= lij * yj[v];
                        }
                    }

                    var inv = new Vector<double>(1.0 / l[(i * n) + i]);
                    for (var v = 0; v < yi.Length; v++)
                    {
                        yi[v] *= inv;
                    }
                }

                // Backward: Lᵀ X = Y, column-oriented so it reads rows of L contiguously.
                for (var i = n - 1; i >= 0; i--)
                {
                    var xi = MemoryMarshal.Cast<double, Vector<double>>(y.AsSpan(i * width, width));
                    var inv = new Vector<double>(1.0 / l[(i * n) + i]);
                    for (var v = 0; v < xi.Length; v++)
                    {
                        xi[v] *= inv;
                    }

                    var rowL = l.AsSpan(i * n, i);
                    for (var j = 0; j < i; j++)
                    {
                        var lij = new Vector<double>(rowL[j]);
                        var yj = MemoryMarshal.Cast<double, Vector<double>>(y.AsSpan(j * width, width));
                        for (var v = 0; v < xi.Length; v++)
                        {
                            yj[v] -= lij * xi[v];
                        }
                    }
                }

                for (var r = 0; r < n; r++)
                {
                    for (var c = 0; c < count; c++)
                    {
                        inverse[((long)r * n) + c0 + c] = y[(r * width) + c];
                    }
                }

                return y;
            },
            _ => { });
        return inverse;
    }
}
