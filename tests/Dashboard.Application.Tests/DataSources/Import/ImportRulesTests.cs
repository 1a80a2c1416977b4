using System.Text;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;
using EventWeights = Dashboard.Recommender.Data.EventWeights;

namespace Dashboard.Application.Tests.DataSources.Import;

public sealed class ImportRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    // Wide enough for the 1997 MovieLens timestamp: these tests are about reading formats.
    private static readonly AcceptedTimes Accepted = new(new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc), Now);

    [Theory]
    [InlineData("view", InteractionType.View)]
    [InlineData("CLICK", InteractionType.Click)]
    [InlineData("add_to_cart", InteractionType.AddToCart)]
    [InlineData("AddToCart", InteractionType.AddToCart)]
    [InlineData(" add-to-cart ", InteractionType.AddToCart)]
    [InlineData("Purchase", InteractionType.Purchase)]
    [InlineData("rating", InteractionType.Rating)]
    public void EventTypes_AcceptTheDocumentedNamesInAnyCase(string text, InteractionType expected)
    {
        Assert.True(EventTypes.TryParse(text, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("buy")]
    [InlineData(null)]
    public void EventTypes_RefuseAnythingElse(string? text) => Assert.False(EventTypes.TryParse(text, out _));

    [Theory]
    [InlineData("881250949", "1997-12-04T15:55:49")]
    [InlineData("2026-05-01T10:15:00Z", "2026-05-01T10:15:00")]
    [InlineData("2026-05-01T12:15:00+02:00", "2026-05-01T10:15:00")]
    [InlineData("2026-05-01 10:15:00", "2026-05-01T10:15:00")]
    [InlineData("2026-06-30T12:04:00Z", "2026-06-30T12:04:00")]
    public void Timestamps_ReadUnixSecondsIsoAndPlainDates_AsUtc(string text, string expected)
    {
        Assert.True(ImportTimestamps.TryParse(text, Accepted, out var value, out var error), error);
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    [Theory]
    [InlineData("2026-06-30T12:06:00Z", "future")]
    [InlineData("01/05/2026", "not a date")]
    [InlineData("", "empty")]
    [InlineData("-5", "not a valid Unix timestamp")]
    public void Timestamps_RefuseTheFutureAndTheUnreadable_WithAReason(string text, string reason)
    {
        Assert.False(ImportTimestamps.TryParse(text, Accepted, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalIds_RefuseEmptyTooLongAndControlCharacters()
    {
        Assert.Null(IngestionRules.Id("user-42", "end-user id", out _));
        Assert.Contains("empty", IngestionRules.Id(" ", "end-user id", out _), StringComparison.Ordinal);
        Assert.Contains("at most 128", IngestionRules.Id(new string('x', 129), "item id", out _), StringComparison.Ordinal);
        Assert.Contains("control", IngestionRules.Id("a\u0001b", "item id", out _), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("plain", "plain")]
    public void CsvCells_EscapeFormulaLikeCellsAndQuoteWhenNeeded(string value, string expected) => Assert.Equal(expected, CsvCells.Escape(value));

    [Theory]
    [InlineData("a,b,c", ",")]
    [InlineData("a;b;c", ";")]
    [InlineData("a\tb\tc", "\t")]
    [InlineData("a|b|c", "|")]
    [InlineData("\"x;y\",b,c", ",")]
    [InlineData("single", ",")]
    public void DetectDelimiter_PicksTheMostFrequentOutsideQuotes(string header, string expected) => Assert.Equal(expected, TextDetection.DetectDelimiter(header));

    [Fact]
    public void DetectEncoding_TellsUtf8FromLatin1()
    {
        Assert.Equal(TextDetection.Utf8, TextDetection.DetectEncoding(new MemoryStream(Encoding.UTF8.GetBytes("id,title\n1,Café\n"))));
        Assert.Equal(TextDetection.Latin1, TextDetection.DetectEncoding(new MemoryStream(Encoding.Latin1.GetBytes("id,title\n1,Café\n"))));
    }

    [Fact]
    public void ColumnMapping_GuessesFromCommonHeaderNames_AndSaysWhatIsMissing()
    {
        var mapping = ColumnMapping.Guess(DatasetKind.Interactions, ["customer_id", "sku", "action", "rating", "date", "note"]);

        Assert.Equal(
            [ImportFields.UserId, ImportFields.ItemId, ImportFields.EventType, ImportFields.Value, ImportFields.Timestamp, ImportFields.Ignore],
            mapping.Columns.Select(c => c.Field));
        Assert.Null(mapping.Validate(DatasetKind.Interactions));
        Assert.Contains("Timestamp", ColumnMapping.Guess(DatasetKind.Interactions, ["user", "item"]).Validate(DatasetKind.Interactions), StringComparison.Ordinal);
        Assert.Equal(mapping.Columns, ColumnMapping.FromJson(mapping.ToJson())!.Columns);
    }

    [Fact]
    public void EventWeights_DefaultAndOverride_AndValidation()
    {
        Assert.Equal(5, EventWeights.Default[EventTypes.Purchase]);
        Assert.Equal(0.5, EventWeights.Parse("{\"view\":0.5}")[EventTypes.View]);
        Assert.Equal(2, EventWeights.Parse("{\"view\":0.5}")[EventTypes.Click]);
        Assert.NotNull(EventWeights.Validate("{\"teleport\":1}"));
        Assert.NotNull(EventWeights.Validate("{\"view\":-1}"));
        Assert.NotNull(EventWeights.Validate("not json"));
    }
}
