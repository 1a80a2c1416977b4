using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Dashboard.Application.Tests.Support;

/// <summary>Stands in for Hangfire's client: records the JobRun ids handed over, or refuses like unreachable storage.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    private readonly List<Guid> _handedOver = [];

    public bool Refuse { get; set; }

    public IReadOnlyList<Guid> HandedOver => _handedOver;

    public string Create(Job job, IState state)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (Refuse)
        {
            throw new BackgroundJobClientException("Job storage is unavailable.", new InvalidOperationException("No storage."));
        }

        _handedOver.Add((Guid)job.Args[1]);
        return _handedOver.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => false;
}
