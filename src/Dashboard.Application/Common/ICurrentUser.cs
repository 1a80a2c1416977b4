namespace Dashboard.Application.Common;

/// <summary>
/// Resolves the caller. In a Blazor circuit it reads the AuthenticationStateProvider (never the
/// HttpContext, which does not exist for the circuit's lifetime).
/// </summary>
public interface ICurrentUser
{
    /// <summary>The signed-in caller; throws <see cref="ForbiddenAccessException"/> for anonymous callers.</summary>
    Task<CallerContext> GetAsync(CancellationToken cancellationToken = default);
}
