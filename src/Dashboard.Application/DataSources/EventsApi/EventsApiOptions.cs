using System.ComponentModel.DataAnnotations;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>Limits of the events API, bound from <see cref="Section"/>.</summary>
public sealed class EventsApiOptions
{
    public const string Section = "EventsApi";

    /// <summary>Requests one API key may make per minute before it gets 429.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>
    /// Most rows in one request. Capped at 2,000 because a batch's ids are looked up in one query and
    /// SQL Server accepts at most 2,100 parameters per statement.
    /// </summary>
    [Range(1, 2_000)]
    public int MaxBatchSize { get; set; } = 1_000;
}
