using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

public class TrainingDataTests
{
    [Fact]
    public void Builder_InternsIdsAndEventTypesInOrderOfFirstAppearance()
    {
        var builder = new TrainingDataBuilder(expectedInteractions: 1);
        builder.Add("ann", "book", "View", 1, ServingData.Start);
        builder.Add("bob", "game", "purchase", 2, ServingData.Start.AddHours(1));
        builder.Add("ann", "game", "view", 1, ServingData.Start.AddHours(2));

        var data = builder.Build();

        Assert.Equal(["ann", "bob"], data.EndUserIds);
        Assert.Equal(["book", "game"], data.ItemIds);
        Assert.Equal(["View", "purchase"], data.EventTypeNames);
        Assert.Equal([0, 1, 0], data.Users.ToArray());
        Assert.Equal([0, 1, 0], data.EventTypes.ToArray().Select(t => (int)t));
        Assert.Equal(ServingData.Start.AddHours(2).Ticks, data.TimestampTicks[2]);
    }

    [Fact]
    public void Profile_SeesRatingEventsAndItemText()
    {
        var builder = new TrainingDataBuilder();
        builder.Add("ann", "book", "view", 1, ServingData.Start);
        var implicitOnly = builder.Build().Profile();
        builder.Add("bob", "book", "Rating", 4, ServingData.Start);
        builder.AddItem("book", "A novel");

        var withBoth = builder.Build().Profile();

        Assert.Equal(new DataProfile(1, 1, 1, HasRatings: false, HasItemText: false), implicitOnly);
        Assert.Equal(new DataProfile(2, 1, 2, HasRatings: true, HasItemText: true), withBoth);
    }

    [Fact]
    public void Constructor_RowPointingOutsideTheIds_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new TrainingData(["u"], ["i"], [null], ["view"], [1], [0], [0], [1f], [0L]));
    }
}
