using Dashboard.Application.Fairness;

namespace Dashboard.Application.Tests.Fairness;

public sealed class GroupSizeTextTests
{
    [Theory]
    [InlineData(12, "fewer than 30")]
    [InlineData(30, "30–99")]
    [InlineData(999, "100–999")]
    [InlineData(1000, "1,000–9,999")]
    [InlineData(25_000, "10,000 or more")]
    public void Without_exact_sizes_a_group_is_named_by_its_band(int size, string expected) =>
        Assert.Equal(expected, GroupSizeText.Describe(size, exact: false));

    [Fact]
    public void With_exact_sizes_the_count_is_shown() => Assert.Equal("1,234", GroupSizeText.Describe(1234, exact: true));

    [Theory]
    [InlineData(0.505, true, "50.5 %")]
    [InlineData(0.505, false, "about 50 %")]
    [InlineData(0.036, false, "about 5 %")]
    [InlineData(0.459, false, "about 45 %")]
    public void A_share_is_exact_to_one_decimal_or_rounded_to_five_percent(double share, bool exact, string expected) =>
        Assert.Equal(expected, GroupSizeText.Share(share, exact));
}
