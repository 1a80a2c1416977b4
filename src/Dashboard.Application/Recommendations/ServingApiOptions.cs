using System.ComponentModel.DataAnnotations;

namespace Dashboard.Application.Recommendations;

/// <summary>Limits of the serving API (recommendations, similar items), bound from <see cref="Section"/>.</summary>
public sealed class ServingApiOptions
{
    public const string Section = "ServingApi";

    /// <summary>
    /// Requests one API key may make per minute before it gets 429. A shop asks once per page view, so this
    /// is far above the events API's limit; raise it for a load test (e.g. <c>ServingApi__PermitsPerMinute=1000000</c>).
    /// </summary>
    [Range(1, 100_000_000)]
    public int PermitsPerMinute { get; set; } = 12_000;
}
