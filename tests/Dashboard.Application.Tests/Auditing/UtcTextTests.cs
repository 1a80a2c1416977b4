using Dashboard.Application.Common;

namespace Dashboard.Application.Tests.Auditing;

public sealed class UtcTextTests
{
    [Fact]
    public void Format_WritesDateHourMinuteAndUtc() =>
        Assert.Equal("2026-11-30 16:05 UTC", UtcText.Format(new DateTime(2026, 11, 30, 16, 5, 42, DateTimeKind.Utc)));

    [Fact]
    public void Format_OfADatabaseValueWithoutKind_TreatsItAsUtc() =>
        Assert.Equal("2026-11-30 16:05 UTC", UtcText.Format(new DateTime(2026, 11, 30, 16, 5, 0, DateTimeKind.Unspecified)));

    [Fact]
    public void Format_OfAMissingValue_GivesTheFallback() => Assert.Equal("never", UtcText.Format(null, "never"));
}
