using System.Text.Json;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Application.DataSources.Ingestion;

namespace Dashboard.Application.Tests.DataSources.EventsApi;

public sealed class EventTimestampParserTests
{
    private static readonly DateTime Now = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    private static readonly AcceptedTimes Accepted = new(IngestionRules.DefaultEarliestUtc, Now);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("\"2026-05-01T09:30:00Z\"")]
    [InlineData("\"2026-05-01T11:30:00+02:00\"")]
    [InlineData("\"2026-05-01T09:30:00\"")]
    [InlineData("1777627800")]
    [InlineData("\"1777627800\"")]
    public void TryParse_ReadsIsoTextAndUnixSeconds_AsTheSameUtcInstant(string json)
    {
        Assert.True(EventTimestampParser.TryParse(Json(json), Accepted, out var at, out var error), error);
        Assert.Equal(new DateTime(2026, 5, 1, 9, 30, 0, DateTimeKind.Utc), at);
        Assert.Equal(DateTimeKind.Utc, at.Kind);
    }

    [Fact]
    public void TryParse_KeepsFractionalUnixSeconds()
    {
        Assert.True(EventTimestampParser.TryParse(Json("1777627800.25"), Accepted, out var at, out _));
        Assert.Equal(new DateTime(2026, 5, 1, 9, 30, 0, 250, DateTimeKind.Utc), at);
    }

    [Fact]
    public void TryParse_MissingTimestamp_IsTheReceiptTime()
    {
        Assert.True(EventTimestampParser.TryParse((JsonElement?)null, Accepted, out var at, out _));
        Assert.Equal(Now, at);
    }

    [Fact]
    public void TryParse_AllowsFiveMinutesOfClockSkew()
    {
        Assert.True(EventTimestampParser.TryParse(Json("\"2026-06-30T12:05:00Z\""), Accepted, out _, out _));
    }

    [Fact]
    public void TryParse_RefusesMoreThanFiveMinutesInTheFuture()
    {
        Assert.False(EventTimestampParser.TryParse(Json("\"2026-06-30T12:05:01Z\""), Accepted, out _, out var error));
        Assert.Contains("in the future", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_RefusesMilliseconds_WithAHint()
    {
        Assert.False(EventTimestampParser.TryParse(Json("1777627800000000"), Accepted, out _, out var error));
        Assert.Contains("milliseconds", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"01/05/2026 09:30\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("\"\"")]
    [InlineData("-5")]
    [InlineData("true")]
    [InlineData("{}")]
    public void TryParse_RefusesAnythingElse_WithAMessage(string json)
    {
        Assert.False(EventTimestampParser.TryParse(Json(json), Accepted, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
