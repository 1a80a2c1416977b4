namespace Dashboard.Application.Campaigns;

/// <summary>
/// A campaign's audience as serving knows it: the segment's members (ids as stored) as last worked out, when that
/// was, and at most one refresh under way. The first request waits for the first reading; later ones answer from
/// the last one while a refresh runs in the background.
/// </summary>
internal sealed class CampaignServingAudience((Guid SegmentId, Guid Stamp) segment, Task<IReadOnlySet<string>> members, DateTimeOffset readAt)
{
    private readonly Lock _lock = new();
    private Task? _refreshing;

    /// <summary>The segment and its version these members belong to (see <see cref="CampaignServingPlan.SegmentStamp"/>).</summary>
    public (Guid SegmentId, Guid Stamp) Segment { get; } = segment;

    public Task<IReadOnlySet<string>> Members { get; private set; } = members;

    public DateTimeOffset ReadAt { get; private set; } = readAt;

    /// <summary>The refresh under way, or a completed task.</summary>
    public Task Refreshing
    {
        get
        {
            lock (_lock)
            {
                return _refreshing ?? Task.CompletedTask;
            }
        }
    }

    public void Replace(IReadOnlySet<string> members, DateTimeOffset readAt)
    {
        lock (_lock)
        {
            Members = Task.FromResult(members);
            ReadAt = readAt;
        }
    }

    /// <summary>Starts <paramref name="refresh"/> unless one is already running (single flight).</summary>
    public void StartRefresh(Func<Task> refresh)
    {
        lock (_lock)
        {
            if (_refreshing is not { IsCompleted: false })
            {
                _refreshing = refresh();
            }
        }
    }
}
