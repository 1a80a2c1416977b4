namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Solves with the lower-triangular Cholesky factor L (row-major n × n, as <see cref="DenseCholesky"/>
/// leaves it; the strict upper triangle is ignored), in place.
/// </summary>
internal static class LowerTriangular
{
    /// <summary>x ← L⁻¹ x.</summary>
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> x)
    {
        for (var i = 0; i < n; i++)
        {
            var sum = x[i];
            var row = i * n;
            for (var k = 0; k < i; k++)
            {
                sum -= l[row + k] * x[k];
            }

            x[i] = sum / l[row + i];
        }
    }

    /// <summary>x ← L⁻ᵀ x.</summary>
    public static void SolveTransposed(ReadOnlySpan<double> l, int n, Span<double> x)
    {
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[(k * n) + i] * x[k];
            }

            x[i] = sum / l[(i * n) + i];
        }
    }
}
