using Dashboard.Application.Common;

namespace Dashboard.Bench;

/// <summary>The person a benchmark acts as when it calls a use case that checks its caller.</summary>
internal sealed class BenchCurrentUser(CallerContext caller) : ICurrentUser
{
    public Task<CallerContext> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(caller);
}
