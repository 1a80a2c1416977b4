using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Data;

public class CsvInteractionLoaderTests
{
    [Fact]
    public void Parse_SkipsHeaderLine()
    {
        var data = CsvInteractionLoader.Parse(new StringReader("user,item,rating\nu1,i1,4.5\n"));

        Assert.Equal([new Rating(0, 0, 4.5f)], data.Ratings);
    }

    [Fact]
    public void Parse_TurnsEventTypesIntoDefaultWeights()
    {
        var data = CsvInteractionLoader.Parse(new StringReader("u1,i1,view\nu1,i2,purchase\nu2,i1,add_to_cart\n"));

        Assert.Equal([1f, 5f, 3f], data.Ratings.Select(r => r.Value));
    }

    [Fact]
    public void Parse_UsesCustomEventWeights()
    {
        var weights = new EventWeights { Weights = new Dictionary<string, double> { ["like"] = 7 } };

        var data = CsvInteractionLoader.Parse(new StringReader("u1,i1,LIKE\n"), weights);

        Assert.Equal(7f, data.Ratings[0].Value);
    }

    [Fact]
    public void Parse_AcceptsUnixAndIsoTimestampsAndEmptyOnes()
    {
        var data = CsvInteractionLoader.Parse(new StringReader("a,x,1,100\na,y,1,1970-01-01T00:01:40Z\nb,x,1,\n"));

        Assert.Equal([100L, 100L, Rating.NoTimestamp], data.Ratings.Select(r => r.Timestamp));
    }

    [Fact]
    public void Parse_UnknownEventAfterFirstLine_Throws()
    {
        Assert.Throws<FormatException>(() => CsvInteractionLoader.Parse(new StringReader("a,x,view\na,y,teleport\n")));
    }

    [Fact]
    public void Dataset_ToMatrix_SumsDuplicateEventsWhenAsked()
    {
        var data = CsvInteractionLoader.Parse(new StringReader("a,x,view\na,x,purchase\n"));

        var matrix = data.ToMatrix(DuplicatePolicy.Sum);

        Assert.Equal(6f, matrix.ValuesOf(0)[0]);
    }
}
