using Dashboard.Application.DataSources.EventsApi;
using Microsoft.Extensions.Options;

namespace Dashboard.Application.Tests.DataSources.EventsApi;

public sealed class IngestLimitCheckTests
{
    private static IngestLimitCheck Check(int perRow = 50, int perRequest = 10_000, int characters = 1_000_000) =>
        new(Options.Create(new IngestLimits { MaxAttributesPerRow = perRow, MaxAttributesPerRequest = perRequest, MaxAttributeCharactersPerRequest = characters }));

    private static UserInput User(string id, int attributes, int valueLength = 5) =>
        new(id, [.. Enumerable.Range(0, attributes).Select(a => (UserAttributeInput?)new UserAttributeInput($"k{a}", new string('v', valueLength)))]);

    [Fact]
    public void Users_AtTheLimits_PassUnchecked()
    {
        Assert.Null(Check().Users([User("u1", 50), User("u2", 0), null, new UserInput("u3")]));
    }

    [Fact]
    public void Users_ARowWithMoreAttributesThanAllowed_Is400NamingTheRowAndTheSetting()
    {
        var outcome = Check().Users([User("u1", 3), User("u2", 51)]);

        Assert.False(outcome!.TooLarge);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal((1, "attributes"), (problem.Index, problem.Field));
        Assert.Equal("Too many attributes: 51; at most 50 per end-user (IngestLimits:MaxAttributesPerRow).", problem.Reason);
    }

    [Fact]
    public void Items_ARowWithMoreAttributesThanAllowed_SaysItem()
    {
        var item = new ItemInput("i1", "Title", Attributes: [.. Enumerable.Range(0, 3).Select(a => (ItemAttributeInput?)new ItemAttributeInput($"k{a}", "v"))]);

        var outcome = Check(perRow: 2).Items([item]);

        Assert.Contains("per item (IngestLimits:MaxAttributesPerRow)", Assert.Single(outcome!.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_MoreAttributesInTheRequestThanAllowed_IsTooLargeNamingTheSetting()
    {
        var outcome = Check(perRequest: 100).Users([.. Enumerable.Range(0, 3).Select(u => (UserInput?)User($"u{u}", 40))]);

        Assert.True(outcome!.TooLarge);
        Assert.Contains("120; at most 100 (IngestLimits:MaxAttributesPerRequest)", Assert.Single(outcome.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_MoreAttributeTextInTheRequestThanAllowed_IsTooLargeNamingTheSetting()
    {
        var outcome = Check(characters: 1_000).Users([User("u1", 2, valueLength: 250), User("u2", 2, valueLength: 250)]);

        Assert.True(outcome!.TooLarge);
        Assert.Contains("1,008 characters of keys and values; at most 1,000 (IngestLimits:MaxAttributeCharactersPerRequest)", Assert.Single(outcome.Problems).Reason, StringComparison.Ordinal);
    }
}
