using Dashboard.Application.Common;

namespace Dashboard.Application.Tests.Support;

/// <summary>The caller a test acts as; switch it between calls to act as someone else.</summary>
internal sealed class TestCurrentUser : ICurrentUser
{
    public CallerContext? Caller { get; set; }

    public Task<CallerContext> GetAsync(CancellationToken cancellationToken = default) =>
        Caller is null ? throw new ForbiddenAccessException("Sign in first.", new InvalidOperationException()) : Task.FromResult(Caller);
}
