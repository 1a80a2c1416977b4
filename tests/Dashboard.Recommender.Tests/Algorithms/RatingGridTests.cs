using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Tests.Algorithms;

public class RatingGridTests
{
    [Fact]
    public void ForEach_OverAllBlocks_VisitsEveryRatingOnceWithItsUser()
    {
        var train = TinyData.Random();
        var grid = RatingGrid.Build(train, strata: 3, new Random(5));
        var events = new List<(bool Prefetch, int User, int Item, float Value)>();
        var visitor = new RecordingVisitor(events);

        for (var block = 0; block < 9; block++)
        {
            grid.ForEach(block, seed: 42, epoch: 1, ref visitor);
        }

        var expected = new List<(int, int, float)>();
        for (var u = 0; u < train.UserCount; u++)
        {
            var items = train.ItemsOf(u);
            var values = train.ValuesOf(u);
            for (var k = 0; k < items.Length; k++)
            {
                expected.Add((u, items[k], values[k]));
            }
        }

        var visited = events.Where(e => !e.Prefetch).Select(e => (e.User, e.Item, e.Value)).Order().ToList();
        Assert.Equal(expected.Order(), visited);
    }

    [Fact]
    public void ForEach_PrefetchesEachRunsUserBeforeTheRunBefore()
    {
        var grid = RatingGrid.Build(TinyData.Random(), strata: 2, new Random(5));
        var events = new List<(bool Prefetch, int User, int Item, float Value)>();
        var visitor = new RecordingVisitor(events);

        grid.ForEach(block: 0, seed: 42, epoch: 0, ref visitor);

        // Run k's user must be prefetched before run k − 1 starts, a whole run ahead of its first update.
        var runStarts = Enumerable.Range(0, events.Count)
            .Where(e => !events[e].Prefetch && (e == 0 || events[e - 1].Prefetch || events[e - 1].User != events[e].User))
            .ToList();
        var prefetches = Enumerable.Range(0, events.Count).Where(e => events[e].Prefetch).ToList();
        Assert.True(runStarts.Count > 2, "the block should hold several runs");
        Assert.Equal(runStarts.Skip(1).Select(e => events[e].User), prefetches.Select(e => events[e].User));
        for (var k = 1; k < runStarts.Count; k++)
        {
            Assert.True(prefetches[k - 1] < runStarts[k - 1], $"run {k} was prefetched too late");
        }
    }

    private readonly struct RecordingVisitor(List<(bool Prefetch, int User, int Item, float Value)> events) : IRatingVisitor
    {
        public void Visit(int user, int item, float value) => events.Add((false, user, item, value));

        public void PrefetchUser(int user) => events.Add((true, user, -1, 0f));
    }
}
