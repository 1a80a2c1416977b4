namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// The conjugate Normal–Wishart step of BPMF (Salakhutdinov and Mnih 2008, eq. 14): given N row vectors
/// of dimension K, draws the prior's precision Λ ~ W(W*, ν0 + N) and mean μ ~ N(μ*, (β* Λ)⁻¹) from their
/// posterior under the hyper-prior μ0 = 0, β0 = 2, ν0 = K, W0 = I.
/// </summary>
internal static class NormalWishart
{
    private const double Beta0 = 2;

    /// <summary>Writes Λ (K × K, row-major) and μ (K) drawn from the posterior given <paramref name="rows"/> (N × <paramref name="stride"/>).</summary>
    public static void Sample(float[] rows, int count, int k, int stride, ref GibbsRandom random, double[] precision, double[] mean)
    {
        var average = new double[k];
        for (var r = 0; r < count; r++)
        {
            for (var a = 0; a < k; a++)
            {
                average[a] += rows[(r * stride) + a];
            }
        }

        for (var a = 0; a < k; a++)
        {
            average[a] /= Math.Max(1, count);
        }

        // M = W0⁻¹ + Σ (x − x̄)(x − x̄)ᵀ + β0 N / (β0 + N) · x̄ x̄ᵀ, the inverse of the posterior scale W*.
        var m = new double[k * k];
        var centred = new double[k];
        for (var r = 0; r < count; r++)
        {
            for (var a = 0; a < k; a++)
            {
                centred[a] = rows[(r * stride) + a] - average[a];
            }

            for (var a = 0; a < k; a++)
            {
                var ca = centred[a];
                for (var b = 0; b <= a; b++)
                {
                    m[(a * k) + b] += ca * centred[b];
                }
            }
        }

        var shrink = Beta0 * count / (Beta0 + count);
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                m[(a * k) + b] += (shrink * average[a] * average[b]) + (a == b ? 1 : 0);
                m[(b * k) + a] = m[(a * k) + b];
            }
        }

        // With M = L Lᵀ, F = L⁻ᵀ satisfies F Fᵀ = M⁻¹ = W*, so Λ = (F A)(F A)ᵀ for the Bartlett factor A of W(I, ν).
        DenseCholesky.FactorSmall(m, k);
        var nu = k + count;
        var fa = new double[k * k];
        var column = new double[k];
        for (var c = 0; c < k; c++)
        {
            Array.Clear(column);
            column[c] = Math.Sqrt(2 * random.NextGamma((nu - c) / 2.0));
            for (var r = c + 1; r < k; r++)
            {
                column[r] = random.NextNormal();
            }

            LowerTriangular.SolveTransposed(m, k, column);
            for (var r = 0; r < k; r++)
            {
                fa[(r * k) + c] = column[r];
            }
        }

        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var sum = 0.0;
                for (var c = 0; c < k; c++)
                {
                    sum += fa[(a * k) + c] * fa[(b * k) + c];
                }

                precision[(a * k) + b] = sum;
                precision[(b * k) + a] = sum;
            }
        }

        // μ ~ N(μ*, (β* Λ)⁻¹), μ* = N x̄ / (β0 + N): with β* Λ = L Lᵀ, μ = μ* + L⁻ᵀ z.
        var betaStar = Beta0 + count;
        var scaled = new double[k * k];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = betaStar * precision[i];
        }

        DenseCholesky.FactorSmall(scaled, k);
        for (var a = 0; a < k; a++)
        {
            column[a] = random.NextNormal();
        }

        LowerTriangular.SolveTransposed(scaled, k, column);
        for (var a = 0; a < k; a++)
        {
            mean[a] = (count * average[a] / betaStar) + column[a];
        }
    }
}
