using Dashboard.Application.DataSources.SampleData;

namespace Dashboard.Application.Tests.DataSources.SampleData;

public sealed class AliasTableTests
{
    [Fact]
    public void Sample_DrawsIndicesInProportionToWeights()
    {
        double[] weights = [1, 2, 3, 4];
        var table = new AliasTable(weights);
        var random = new Random(7);
        var counts = new int[weights.Length];
        const int draws = 200_000;

        for (var i = 0; i < draws; i++)
        {
            counts[table.Sample(random)]++;
        }

        for (var i = 0; i < weights.Length; i++)
        {
            Assert.InRange(counts[i] / (double)draws, (weights[i] / 10) - 0.005, (weights[i] / 10) + 0.005);
        }
    }

    [Fact]
    public void Sample_NeverDrawsAZeroWeight()
    {
        var table = new AliasTable([0, 5, 0, 1, 0]);
        var random = new Random(3);

        for (var i = 0; i < 50_000; i++)
        {
            var index = table.Sample(random);
            Assert.True(index is 1 or 3, $"drew index {index}");
        }
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new double[] { 0, 0 })]
    [InlineData(new double[] { 1, -1 })]
    [InlineData(new double[] { 1, double.NaN })]
    public void Constructor_RejectsUnusableWeights(double[] weights)
    {
        Assert.Throws<ArgumentException>(() => new AliasTable(weights));
    }
}
