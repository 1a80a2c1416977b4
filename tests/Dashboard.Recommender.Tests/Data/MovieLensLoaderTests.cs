using System.Text;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Data;

public class MovieLensLoaderTests
{
    [Fact]
    public void ParseMl1m_EmptyTimestamp_BecomesNoTimestamp()
    {
        var data = MovieLensLoader.ParseMl1m(new StringReader("1::1193::5::978300760\n3::1234::4::\n"));

        Assert.Equal(978300760, data.Ratings[0].Timestamp);
        Assert.False(data.Ratings[1].HasTimestamp);
    }

    [Fact]
    public void ParseMl1m_ReadsLatin1TitlesGenresAndUserAttributes()
    {
        var movies = Latin1Reader("1::Misérables, Les (1995)::Drama|Musical\n");
        var users = new StringReader("7::F::25::4::02460\n");

        var data = MovieLensLoader.ParseMl1m(new StringReader("7::1::3::\n"), users, movies);

        var item = data.Items.IndexOf("1");
        Assert.Equal("Misérables, Les (1995)", data.ItemMetadata[item].Title);
        Assert.Equal(["Drama", "Musical"], data.ItemMetadata[item].Categories);
        Assert.Equal("F", data.UserAttributes[data.Users.IndexOf("7")]["gender"]);
    }

    [Fact]
    public void ParseMl100k_ReadsTabSeparatedRatingsAndGenreFlags()
    {
        var items = Latin1Reader("2|GoldenEye (1995)|01-Jan-1995||http://x|0|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|0\n");
        var users = new StringReader("196|49|M|writer|55105\n");

        var data = MovieLensLoader.ParseMl100k(new StringReader("196\t2\t3\t881250949\n"), users, items);

        Assert.Equal(new Rating(0, 0, 3, 881250949), data.Ratings[0]);
        Assert.Equal(["Action", "Adventure", "Thriller"], data.ItemMetadata[0].Categories);
        Assert.Equal("49", data.UserAttributes[0]["age"]);
    }

    [Fact]
    public void ParseMl100kFold_TrainAndTestShareIdMaps()
    {
        var (train, test) = MovieLensLoader.ParseMl100kFold(
            new StringReader("1\t10\t4\t1\n2\t20\t3\t2\n"),
            new StringReader("2\t10\t5\t3\n3\t30\t1\t4\n"));

        Assert.Same(train.Users, test.Users);
        Assert.Equal(train.Items.IndexOf("10"), test.Ratings[0].Item);
        Assert.Equal(3, test.Users.Count);
    }

    [Fact]
    public void ParseMl100k_MalformedLine_ThrowsWithLineNumber()
    {
        var error = Assert.Throws<FormatException>(() => MovieLensLoader.ParseMl100k(new StringReader("1\t2\t3\t4\n1\t2\tx\t4\n")));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    private static StreamReader Latin1Reader(string text) => new(new MemoryStream(Encoding.Latin1.GetBytes(text)), Encoding.Latin1);
}
