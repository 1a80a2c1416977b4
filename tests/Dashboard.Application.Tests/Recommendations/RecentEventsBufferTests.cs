using Dashboard.Application.Recommendations;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Application.Tests.Recommendations;

public sealed class RecentEventsBufferTests
{
    private static readonly Guid Tenant = Guid.Parse("6b1f0c9e-1a2b-4c3d-8e4f-000000000001");
    private static readonly Guid OtherTenant = Guid.Parse("6b1f0c9e-1a2b-4c3d-8e4f-000000000002");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void KeepsOnlyTheNewestEventsOfAnEndUser()
    {
        var buffer = new RecentEventsBuffer(_time);

        buffer.Add(Tenant, Enumerable.Range(0, RecentEventsBuffer.PerEndUser + 10).Select(i => ("u1", $"i{i}", "view", 1f)));

        var events = buffer.Since(Tenant, "u1", DateTime.MinValue);
        Assert.Equal(RecentEventsBuffer.PerEndUser, events.Count);
        Assert.Equal(("i10", $"i{RecentEventsBuffer.PerEndUser + 9}"), (events[0].ItemId, events[^1].ItemId));
    }

    [Fact]
    public void Since_LeavesOutEventsReceivedBeforeTheVersionsTrainingStarted()
    {
        var buffer = new RecentEventsBuffer(_time);
        buffer.Add(Tenant, [("u1", "old", "purchase", 1f)]);
        _time.Advance(TimeSpan.FromMinutes(5));
        var trainingStart = _time.GetUtcNow().UtcDateTime;
        buffer.Add(Tenant, [("u1", "new", "purchase", 1f)]);

        Assert.Equal(["new"], buffer.Since(Tenant, "u1", trainingStart).Select(e => e.ItemId));
    }

    [Fact]
    public void EventsOfAnotherTenantsEndUserWithTheSameId_AreNotReturned()
    {
        var buffer = new RecentEventsBuffer(_time);

        buffer.Add(OtherTenant, [("u1", "i1", "purchase", 1f)]);

        Assert.Empty(buffer.Since(Tenant, "u1", DateTime.MinValue));
    }

    [Fact]
    public void ForgetBefore_DropsATenantsOlderEvents_AndKeepsOtherTenants()
    {
        var buffer = new RecentEventsBuffer(_time);
        buffer.Add(Tenant, [("u1", "i1", "view", 1f)]);
        buffer.Add(OtherTenant, [("u1", "i1", "view", 1f)]);
        _time.Advance(TimeSpan.FromSeconds(1));

        buffer.ForgetBefore(Tenant, _time.GetUtcNow().UtcDateTime);

        Assert.Equal((0, 1), (buffer.Since(Tenant, "u1", DateTime.MinValue).Count, buffer.Since(OtherTenant, "u1", DateTime.MinValue).Count));
    }

    [Fact]
    public void EventsOlderThanTheMaximumAge_AreNotReturned()
    {
        var buffer = new RecentEventsBuffer(_time);
        buffer.Add(Tenant, [("u1", "i1", "view", 1f)]);

        _time.Advance(RecentEventsBuffer.MaxAge + TimeSpan.FromSeconds(1));

        Assert.Empty(buffer.Since(Tenant, "u1", DateTime.MinValue));
    }
}
