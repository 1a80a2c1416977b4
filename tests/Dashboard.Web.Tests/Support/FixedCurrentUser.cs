using Dashboard.Application.Common;

namespace Dashboard.Web.Tests.Support;

/// <summary>The caller of services built for a bUnit page test, where there is no sign-in cookie to read.</summary>
internal sealed class FixedCurrentUser(CallerContext caller) : ICurrentUser
{
    public Task<CallerContext> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(caller);
}
