namespace Dashboard.Application.Tests.DataSources.SampleData;

/// <summary>Synchronous <see cref="IProgress{T}"/> that keeps every report, unlike <see cref="Progress{T}"/> which posts them.</summary>
internal sealed class RecordingProgress : IProgress<int>
{
    public List<int> Reports { get; } = [];

    public void Report(int value) => Reports.Add(value);
}
