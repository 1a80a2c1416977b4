using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Tests.Algorithms;

public class BatchKernelsTests
{
    // 5 rows cover one block of four and a single row; width 19 covers whole vectors and a scalar tail.
    private const int Count = 5;
    private const int Width = 19;

    [Fact]
    public void DotRows_GivesEachRowsDotProductWithTheWeightRow()
    {
        var (row, rows) = Inputs();
        var result = new float[Count];

        BatchKernels.DotRows(row, rows, Count, result);

        for (var b = 0; b < Count; b++)
        {
            var expected = 0.0;
            for (var k = 0; k < Width; k++)
            {
                expected += row[k] * rows[(b * Width) + k];
            }

            Assert.Equal(expected, result[b], 4);
        }
    }

    [Fact]
    public void OuterUpdate_AddsBothProductsOfTheOutputGradients()
    {
        var (row, rows) = Inputs();
        float[] d = [0.5f, -1f, 2f, 0.25f, -0.75f];
        var rowGradient = Enumerable.Range(0, Width).Select(k => k * 0.1f).ToArray();
        var rowsGradient = Enumerable.Range(0, Count * Width).Select(k => k * -0.01f).ToArray();
        var expectedRow = (float[])rowGradient.Clone();
        var expectedRows = (float[])rowsGradient.Clone();
        for (var b = 0; b < Count; b++)
        {
            for (var k = 0; k < Width; k++)
            {
                expectedRow[k] += d[b] * rows[(b * Width) + k];
                expectedRows[(b * Width) + k] += d[b] * row[k];
            }
        }

        BatchKernels.OuterUpdate(row, d, rows, rowGradient, rowsGradient);

        Assert.All(expectedRow.Zip(rowGradient), p => Assert.Equal(p.First, p.Second, 4));
        Assert.All(expectedRows.Zip(rowsGradient), p => Assert.Equal(p.First, p.Second, 4));
    }

    [Fact]
    public void DotRowsPair_GivesTheSameDotProductsAsTwoSingleRowCalls()
    {
        var (row0, rows) = Inputs();
        var row1 = row0.Select(x => 1 - (2 * x)).ToArray();
        var (expected0, expected1) = (new float[Count], new float[Count]);
        BatchKernels.DotRows(row0, rows, Count, expected0);
        BatchKernels.DotRows(row1, rows, Count, expected1);
        var (result0, result1) = (new float[Count], new float[Count]);

        BatchKernels.DotRowsPair(row0, row1, rows, Count, result0, result1);

        Assert.All(expected0.Concat(expected1).Zip(result0.Concat(result1)), p => Assert.Equal(p.First, p.Second, 4));
    }

    [Fact]
    public void OuterUpdatePair_AddsWhatTwoSingleRowUpdatesAdd()
    {
        var (row0, rows) = Inputs();
        var row1 = row0.Select(x => 1 - (2 * x)).ToArray();
        float[] d0 = [0.5f, -1f, 2f, 0.25f, -0.75f];
        float[] d1 = [-0.3f, 0.8f, 0.1f, -2f, 1.5f];
        var (expected0, expected1, expectedRows) = (new float[Width], new float[Width], new float[Count * Width]);
        BatchKernels.OuterUpdate(row0, d0, rows, expected0, expectedRows);
        BatchKernels.OuterUpdate(row1, d1, rows, expected1, expectedRows);
        var (result0, result1, resultRows) = (new float[Width], new float[Width], new float[Count * Width]);

        BatchKernels.OuterUpdatePair(row0, row1, d0, d1, rows, result0, result1, resultRows);

        var expected = expected0.Concat(expected1).Concat(expectedRows);
        Assert.All(expected.Zip(result0.Concat(result1).Concat(resultRows)), p => Assert.Equal(p.First, p.Second, 4));
    }

    private static (float[] Row, float[] Rows) Inputs()
    {
        var row = Enumerable.Range(0, Width).Select(k => MathF.Sin(k + 1)).ToArray();
        var rows = Enumerable.Range(0, Count * Width).Select(k => MathF.Cos(k * 0.7f)).ToArray();
        return (row, rows);
    }
}
