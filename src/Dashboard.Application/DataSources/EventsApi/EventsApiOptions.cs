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

    /// <summary>
    /// Largest request body in bytes; more gets 413 before the JSON is read. 2 MB holds a full batch of
    /// events several times over; the server's own 30 MB limit would let one request cost hundreds of MB.
    /// </summary>
    [Range(1_024, 30_000_000)]
    public int MaxRequestBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// Writes of one organisation that may wait while another of its writes runs (one runs at a time);
    /// more get 429 with Retry-After.
    /// </summary>
    [Range(0, 1_000)]
    public int WriteQueueLimit { get; set; } = 8;
}
