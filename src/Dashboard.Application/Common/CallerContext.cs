using Dashboard.Domain.Identity;

namespace Dashboard.Application.Common;

/// <summary>Who is calling a use case: the signed-in user, their tenant and their roles.</summary>
public sealed record CallerContext(string UserId, string UserName, Guid TenantId, string TenantName, IReadOnlySet<string> Roles)
{
    public bool Can(string policy) => Policies.Allows(policy, Roles);

    /// <summary>Throws <see cref="ForbiddenAccessException"/> unless the caller holds <paramref name="policy"/>.</summary>
    public void Demand(string policy)
    {
        if (!Can(policy))
        {
            throw new ForbiddenAccessException(policy);
        }
    }
}
