namespace Dashboard.Application.Privacy.Report;

/// <summary>
/// Derives one purpose's consent coverage from its append-only records in one pass: records arrive ordered by
/// their own time (ties by id), each replaces the end-user's previous state, and the granted count is taken at the
/// end of each of the <see cref="ConsentDays"/>. Memory is one entry per end-user with a record.
/// </summary>
internal sealed class ConsentTally(string purpose, ConsentDays days)
{
    private readonly Dictionary<long, bool> _latest = [];
    private readonly List<int> _grantedPerDay = new(days.Days.Count);
    private int _granted;
    private int _withdrawn;

    /// <summary>Applies the next record; records must come ordered by time, then id.</summary>
    public void Add(long endUserId, bool granted, DateTime occurredAtUtc)
    {
        var day = DateOnly.FromDateTime(occurredAtUtc);
        while (_grantedPerDay.Count < days.Days.Count && days.Days[_grantedPerDay.Count] < day)
        {
            _grantedPerDay.Add(_granted);
        }

        if (_latest.TryGetValue(endUserId, out var was))
        {
            if (was == granted)
            {
                return;
            }

            Count(was, -1);
        }

        _latest[endUserId] = granted;
        Count(granted, +1);
    }

    public ConsentCoverage Now(int endUsers) => new(purpose, _granted, _withdrawn, endUsers);

    public ConsentHistoryLine History()
    {
        while (_grantedPerDay.Count < days.Days.Count)
        {
            _grantedPerDay.Add(_granted);
        }

        return new ConsentHistoryLine(purpose, _grantedPerDay);
    }

    private void Count(bool granted, int change)
    {
        if (granted)
        {
            _granted += change;
        }
        else
        {
            _withdrawn += change;
        }
    }
}
