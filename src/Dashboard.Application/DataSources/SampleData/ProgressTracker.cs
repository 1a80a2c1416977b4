namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// Turns a running count of produced rows into whole percentages and forwards only changes, so a
/// job's progress sink sees at most 101 reports however many rows there are.
/// </summary>
internal sealed class ProgressTracker(IProgress<int>? progress, long total)
{
    private int _lastPercent = -1;

    /// <summary>Number of rows that make 100 %.</summary>
    public long Total { get; } = total;

    /// <summary>Reports <paramref name="done"/> rows of <see cref="Total"/> if the percentage moved.</summary>
    public void Report(long done)
    {
        if (progress is null)
        {
            return;
        }

        var percent = (int)(done * 100 / Total);
        if (percent != _lastPercent)
        {
            _lastPercent = percent;
            progress.Report(percent);
        }
    }
}
