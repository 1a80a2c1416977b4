using Dashboard.Application.Common;

namespace Dashboard.Application.Team;

/// <summary>
/// ASP.NET Core Identity behind an interface, so use cases keep their checks here and Identity's
/// details stay in Infrastructure. Every method takes the tenant explicitly and ignores users of
/// other tenants as if they did not exist. A change's <c>audit</c> callback adds its audit entry to the
/// context the change is written through, in the same transaction: both are kept, or neither.
/// </summary>
public interface IIdentityService
{
    Task<IReadOnlyList<TeamMember>> ListMembersAsync(Guid tenantId, CancellationToken cancellationToken = default);

    Task<TeamMember?> FindMemberAsync(Guid tenantId, string userId, CancellationToken cancellationToken = default);

    Task<Result> CreateMemberAsync(Guid tenantId, string email, string? displayName, string password, string role, Action<IAppDbContext>? audit = null, CancellationToken cancellationToken = default);

    Task<Result> SetRoleAsync(Guid tenantId, string userId, string role, Action<IAppDbContext>? audit = null, CancellationToken cancellationToken = default);

    Task<Result> SetDisabledAsync(Guid tenantId, string userId, bool disabled, Action<IAppDbContext>? audit = null, CancellationToken cancellationToken = default);

    Task<Result> DeleteMemberAsync(Guid tenantId, string userId, Action<IAppDbContext>? audit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the tenant and its first user (Admin) atomically. The audit log credits the new Admin,
    /// or <paramref name="registeredBy"/> when the app registers the organisation itself (the demo).
    /// </summary>
    Task<RegistrationOutcome> RegisterOrganisationAsync(string organisationName, string email, string password, string? registeredBy = null, CancellationToken cancellationToken = default);
}
