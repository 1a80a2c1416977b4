using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Tests.Algorithms;

public class DenseCholeskyTests
{
    [Fact]
    public void InverseFromFactor_InvertsAHandSolvedMatrix()
    {
        double[] a = [3, 2, 1, 2, 4, 2, 1, 2, 3];

        DenseCholesky.Factor(a, 3, CancellationToken.None);
        var inverse = DenseCholesky.InverseFromFactor(a, 3, CancellationToken.None);

        double[] expected = [0.5, -0.25, 0, -0.25, 0.5, -0.25, 0, -0.25, 0.5];
        Assert.Equal(expected, inverse, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void InverseFromFactor_TimesTheMatrix_IsIdentityAcrossSeveralPanels()
    {
        // 70 × 70 crosses the 32-column panels and the solve blocks: A = MᵀM + I is SPD.
        const int n = 70;
        var random = new Random(5);
        var m = new double[n * n];
        for (var i = 0; i < m.Length; i++)
        {
            m[i] = random.NextDouble() - 0.5;
        }

        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double s = i == j ? 1 : 0;
                for (var k = 0; k < n; k++)
                {
                    s += m[(k * n) + i] * m[(k * n) + j];
                }

                a[(i * n) + j] = s;
            }
        }

        var factor = (double[])a.Clone();
        DenseCholesky.Factor(factor, n, CancellationToken.None);
        var inverse = DenseCholesky.InverseFromFactor(factor, n, CancellationToken.None);

        var worst = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double s = 0;
                for (var k = 0; k < n; k++)
                {
                    s += a[(i * n) + k] * inverse[(k * n) + j];
                }

                worst = Math.Max(worst, Math.Abs(s - (i == j ? 1 : 0)));
            }
        }

        Assert.True(worst < 1e-9, $"max |A·A⁻¹ − I| = {worst}");
    }

    [Fact]
    public void Factor_NotPositiveDefinite_Throws()
    {
        double[] a = [1, 2, 2, 1];

        Assert.Throws<InvalidOperationException>(() => DenseCholesky.Factor(a, 2, CancellationToken.None));
    }

    [Fact]
    public void FactorSmall_GivesTheSameLowerFactorAsFactor()
    {
        const int n = 40;
        var random = new Random(9);
        var m = new double[n * n];
        for (var i = 0; i < m.Length; i++)
        {
            m[i] = random.NextDouble() - 0.5;
        }

        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double s = i == j ? 1 : 0;
                for (var k = 0; k < n; k++)
                {
                    s += m[(k * n) + i] * m[(k * n) + j];
                }

                a[(i * n) + j] = s;
            }
        }

        var parallel = (double[])a.Clone();
        var single = (double[])a.Clone();
        DenseCholesky.Factor(parallel, n, CancellationToken.None);
        DenseCholesky.FactorSmall(single, n);

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                Assert.Equal(parallel[(i * n) + j], single[(i * n) + j], 10);
            }
        }
    }
}
