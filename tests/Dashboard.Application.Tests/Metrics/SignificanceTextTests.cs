using Dashboard.Application.Metrics;

namespace Dashboard.Application.Tests.Metrics;

public sealed class SignificanceTextTests
{
    [Fact]
    public void Describe_ARise_ReadsAsAPlainSentence()
    {
        Assert.Equal(
            "NDCG@10 rose by 0.012; a difference this large would arise by chance about 3 times in 100 (Welch's t-test over end-users).",
            SignificanceText.Describe("NDCG@10", 0.012, 0.0312));
    }

    [Fact]
    public void Describe_AFall_SaysFell()
    {
        Assert.StartsWith("NDCG@10 fell by 0.004;", SignificanceText.Describe("NDCG@10", -0.004, 0.4), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0004, "less than once in 1,000")]
    [InlineData(0.0012, "about once in 1,000")]
    [InlineData(0.0071, "about 7 times in 1,000")]
    [InlineData(0.012, "about once in 100")]
    [InlineData(0.5, "about 50 times in 100")]
    [InlineData(0.996, "almost every time")]
    public void Chance_ReadsThePValueAsAFrequency(double p, string expected)
    {
        Assert.Equal(expected, SignificanceText.Chance(p));
    }
}
