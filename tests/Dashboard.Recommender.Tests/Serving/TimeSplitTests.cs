using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

public class TimeSplitTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static string[] Pairs(TrainingData data)
    {
        var pairs = new string[data.Count];
        for (var r = 0; r < data.Count; r++)
        {
            pairs[r] = $"{data.EndUserIds[data.Users[r]]}:{data.ItemIds[data.Items[r]]}";
        }

        return [.. pairs.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Split_HoldsOutEachEndUsersLatestFifthAndKeepsSingletonsInTrain()
    {
        var builder = new TrainingDataBuilder();

        // Rows arrive out of time order: the split must sort by time, not by input order.
        builder.Add("ann", "i3", "view", 1, T0.AddHours(3));
        builder.Add("ann", "i1", "view", 1, T0.AddHours(1));
        builder.Add("ann", "i5", "view", 1, T0.AddHours(5));
        builder.Add("ann", "i2", "view", 1, T0.AddHours(2));
        builder.Add("ann", "i4", "view", 1, T0.AddHours(4));
        for (var k = 0; k < 10; k++)
        {
            builder.Add("bob", $"j{k}", "view", 1, T0.AddDays(k));
        }

        builder.Add("cat", "i1", "purchase", 1, T0);
        builder.Add("dan", "i1", "view", 1, T0);
        builder.Add("dan", "i2", "view", 1, T0.AddMinutes(1));

        var (train, test) = TimeSplit.Split(builder.Build());

        Assert.Equal(["ann:i5", "bob:j8", "bob:j9", "dan:i2"], Pairs(test));
        Assert.Equal(18 - 4, train.Count);
        Assert.Contains("cat:i1", Pairs(train));
    }

    [Fact]
    public void Split_BreaksTimeTiesByItemId()
    {
        var builder = new TrainingDataBuilder();
        builder.Add("ann", "zeta", "view", 1, T0);
        builder.Add("ann", "alpha", "view", 1, T0);

        var (_, test) = TimeSplit.Split(builder.Build());

        Assert.Equal(["ann:zeta"], Pairs(test));
    }
}
