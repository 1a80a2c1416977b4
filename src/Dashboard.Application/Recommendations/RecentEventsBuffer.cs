using System.Collections.Concurrent;
using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Recommendations;

/// <summary>
/// The latest events of each end-user received since the models were trained, kept in memory so the
/// serving API can score from them (fresh recommendations between trainings) without reading the
/// database on every request. Filled by the events and feedback paths after their transaction commits;
/// read with the active version's training start, so events a version was trained on stop counting once
/// it is active. Bounded: <see cref="PerEndUser"/> newest events per end-user, <see cref="MaxEndUsers"/>
/// end-users per node (beyond that an end-user's events wait for the next training), and nothing older
/// than <see cref="MaxAge"/>. Per node: on several nodes an end-user's fresh events count on the node
/// that received them until the next training — the events themselves are stored either way.
/// </summary>
public sealed class RecentEventsBuffer(TimeProvider time)
{
    public const int PerEndUser = 50;
    public const int MaxEndUsers = 200_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<(Guid Tenant, string EndUser), Entry[]> _events = new();

    public int EndUserCount => _events.Count;

    /// <summary>Adds committed events of one tenant (end-user id, item id, engine event type name, value).</summary>
    public void Add(Guid tenantId, IEnumerable<(string EndUserId, string ItemId, string EventType, float Value)> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (endUser, item, type, value) in events)
        {
            var key = (tenantId, endUser);
            if (!_events.ContainsKey(key) && _events.Count >= MaxEndUsers)
            {
                Prune(now);
                if (_events.Count >= MaxEndUsers)
                {
                    continue;
                }
            }

            var entry = new Entry(new RecentEvent(item, type, value), now);
            _events.AddOrUpdate(key, _ => [entry], (_, old) => Append(old, entry));
        }
    }

    /// <summary>The end-user's events received at or after <paramref name="sinceUtc"/>, oldest first; empty when none.</summary>
    public IReadOnlyList<RecentEvent> Since(Guid tenantId, string endUserId, DateTime sinceUtc)
    {
        if (!_events.TryGetValue((tenantId, endUserId), out var entries))
        {
            return [];
        }

        var cutoff = Max(sinceUtc, time.GetUtcNow().UtcDateTime - MaxAge);
        var list = new List<RecentEvent>(entries.Length);
        foreach (var e in entries)
        {
            if (e.ReceivedAtUtc >= cutoff)
            {
                list.Add(e.Event);
            }
        }

        if (list.Count == 0)
        {
            // Everything here is in the active model (or too old): the end-user's slot is free again.
            _events.TryRemove(new KeyValuePair<(Guid, string), Entry[]>((tenantId, endUserId), entries));
        }

        return list;
    }

    /// <summary>Forgets a tenant's events received before <paramref name="beforeUtc"/>, e.g. when a version trained on them is activated.</summary>
    public void ForgetBefore(Guid tenantId, DateTime beforeUtc)
    {
        foreach (var (key, entries) in _events)
        {
            if (key.Tenant == tenantId && entries[^1].ReceivedAtUtc < beforeUtc)
            {
                _events.TryRemove(new KeyValuePair<(Guid, string), Entry[]>(key, entries));
            }
        }
    }

    /// <summary>Drops everything held for one end-user (an erasure): nothing of theirs is scored or kept in memory afterwards.</summary>
    public void Forget(Guid tenantId, string endUserId)
    {
        ArgumentNullException.ThrowIfNull(endUserId);
        _events.TryRemove((tenantId, endUserId), out _);
    }

    private void Prune(DateTime now)
    {
        var cutoff = now - MaxAge;
        foreach (var (key, entries) in _events)
        {
            if (entries[^1].ReceivedAtUtc < cutoff)
            {
                _events.TryRemove(new KeyValuePair<(Guid, string), Entry[]>(key, entries));
            }
        }
    }

    // Copy-on-write: readers get an array no writer changes afterwards.
    private static Entry[] Append(Entry[] old, Entry entry)
    {
        var keep = Math.Min(old.Length, PerEndUser - 1);
        var next = new Entry[keep + 1];
        Array.Copy(old, old.Length - keep, next, 0, keep);
        next[keep] = entry;
        return next;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private readonly record struct Entry(RecentEvent Event, DateTime ReceivedAtUtc);
}
