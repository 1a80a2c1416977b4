using Dashboard.Application.DataSources.Ingestion;

namespace Dashboard.Application.Tests.DataSources.Ingestion;

public sealed class IngestionRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Id_IsTrimmed()
    {
        Assert.Null(IngestionRules.Id("  user-42\t", "end-user id", out var id));
        Assert.Equal("user-42", id);
    }

    [Theory]
    [InlineData("u\u200B1", "U+200B")]
    [InlineData("u\u202E1", "U+202E")]
    [InlineData("u\u2028 1", "U+2028")]
    [InlineData("u\u2029 1", "U+2029")]
    [InlineData("\uFEFFu1", "U+FEFF")]
    [InlineData("u\u00851", "U+0085")]
    public void Id_WithAnInvisibleOrDirectionCharacter_IsRefusedNamingIt(string raw, string named)
    {
        Assert.Contains(named, IngestionRules.Id(raw, "end-user id", out _), StringComparison.Ordinal);
    }

    [Fact]
    public void Id_WithAccentsAndOtherScripts_IsAccepted()
    {
        Assert.Null(IngestionRules.Id("café-ü-東京-😀", "item id", out _));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("1970-01-01T00:00:00")]
    [InlineData("1999-12-31T23:59:59")]
    public void Time_BeforeTheEarliestAcceptedTime_IsRefused(string at)
    {
        var time = DateTime.SpecifyKind(DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        Assert.Contains("before 2000-01-01", IngestionRules.Time(time, new AcceptedTimes(IngestionRules.DefaultEarliestUtc, Now)), StringComparison.Ordinal);
    }

    [Fact]
    public void Time_AtTheEarliestAcceptedTime_IsAccepted()
    {
        Assert.Null(IngestionRules.Time(IngestionRules.DefaultEarliestUtc, new AcceptedTimes(IngestionRules.DefaultEarliestUtc, Now)));
    }

    [Fact]
    public void Price_UpToTheColumnsLargestValue_IsAccepted_AndBeyondIsRefused()
    {
        Assert.Null(IngestionRules.Price("5000000000000", out _));
        Assert.NotNull(IngestionRules.Price(IngestionRules.MaxPrice + 0.01m));
        Assert.NotNull(IngestionRules.Price(-1m));
    }
}
