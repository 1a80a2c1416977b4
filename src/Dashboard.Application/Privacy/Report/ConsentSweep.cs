namespace Dashboard.Application.Privacy.Report;

/// <summary>
/// Derives consent coverage from the append-only consent records in one pass: records arrive ordered by their
/// own time (ties by id), each replaces the end-user's previous state for its purpose, and the granted count of
/// every purpose is taken at the end of each day of the history. Memory is one entry per end-user and purpose,
/// so 100,000 end-users with three purposes stay a few megabytes.
/// </summary>
internal sealed class ConsentSweep
{
    /// <summary>Up to this many days, the history has a point per day; beyond, a point per week.</summary>
    public const int DailyUpToDays = 92;

    private readonly List<string> _purposes;
    private readonly Dictionary<string, int> _purposeIndex;
    private readonly List<Dictionary<long, bool>> _latest = [];
    private readonly List<int> _granted = [];
    private readonly List<int> _withdrawn = [];
    private readonly List<List<int>> _series = [];
    private readonly DateOnly _today;
    private List<DateOnly>? _days;
    private int _stepDays = 1;
    private int _nextDay;

    public ConsentSweep(IEnumerable<string> purposes, DateOnly today)
    {
        _purposes = [];
        _purposeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        _today = today;
        foreach (var purpose in purposes)
        {
            IndexOf(purpose);
        }
    }

    /// <summary>Applies the next record; records must come ordered by time, then id.</summary>
    public void Add(long endUserId, string purpose, bool granted, DateTime occurredAtUtc)
    {
        var day = DateOnly.FromDateTime(occurredAtUtc);
        _days ??= Days(day);
        while (_nextDay < _days.Count && _days[_nextDay] < day)
        {
            TakePoint();
        }

        var p = IndexOf(purpose);
        var latest = _latest[p];
        if (latest.TryGetValue(endUserId, out var was))
        {
            if (was == granted)
            {
                return;
            }

            if (was)
            {
                _granted[p]--;
            }
            else
            {
                _withdrawn[p]--;
            }
        }

        latest[endUserId] = granted;
        if (granted)
        {
            _granted[p]++;
        }
        else
        {
            _withdrawn[p]++;
        }
    }

    public IReadOnlyList<ConsentCoverage> Now(int endUsers) =>
        [.. _purposes.Select((purpose, p) => new ConsentCoverage(purpose, _granted[p], _withdrawn[p], endUsers))];

    public ConsentHistory History()
    {
        if (_days is null)
        {
            return ConsentHistory.Empty;
        }

        while (_nextDay < _days.Count)
        {
            TakePoint();
        }

        return new ConsentHistory(_days, _stepDays, [.. _purposes.Select((purpose, p) => new ConsentHistoryLine(purpose, _series[p]))]);
    }

    private List<DateOnly> Days(DateOnly first)
    {
        var last = first > _today ? first : _today;
        _stepDays = last.DayNumber - first.DayNumber <= DailyUpToDays ? 1 : 7;
        var days = new List<DateOnly>();
        for (var day = first; day < last; day = day.AddDays(_stepDays))
        {
            days.Add(day);
        }

        days.Add(last);
        return days;
    }

    private void TakePoint()
    {
        for (var p = 0; p < _purposes.Count; p++)
        {
            _series[p].Add(_granted[p]);
        }

        _nextDay++;
    }

    private int IndexOf(string purpose)
    {
        if (_purposeIndex.TryGetValue(purpose, out var index))
        {
            return index;
        }

        index = _purposes.Count;
        _purposes.Add(purpose);
        _purposeIndex[purpose] = index;
        _latest.Add([]);
        _granted.Add(0);
        _withdrawn.Add(0);
        // A purpose first seen mid-sweep had nobody granting it at the points already taken.
        _series.Add([.. Enumerable.Repeat(0, _nextDay)]);
        return index;
    }
}
