namespace Dashboard.Application.Common;

public static class CurrentUserExtensions
{
    /// <summary>The caller, once they are shown to hold <paramref name="policy"/>; a <see cref="ForbiddenAccessException"/> otherwise.</summary>
    public static async Task<CallerContext> DemandAsync(this ICurrentUser currentUser, string policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currentUser);
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(policy);
        return caller;
    }
}
