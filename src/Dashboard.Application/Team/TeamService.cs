using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;

namespace Dashboard.Application.Team;

/// <summary>Team management for a tenant's Admins: list, add, change role, disable.</summary>
public sealed class TeamService(
    ICurrentUser currentUser, IIdentityService identity, IAuditLog audit)
{
    public async Task<IReadOnlyList<TeamMember>> ListAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageTeam);
        return await identity.ListMembersAsync(caller.TenantId, cancellationToken);
    }

    public async Task<Result> AddAsync(string email, string? displayName, string password, string role, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageTeam);
        if (!Roles.IsKnown(role))
        {
            return Result.Failure($"Unknown role '{role}'. Choose one of: {string.Join(", ", Roles.All.Select(Roles.DisplayName))}.");
        }

        return await identity.CreateMemberAsync(caller.TenantId, email, displayName, password, role,
            Audit(caller, AuditActions.TeamMemberAdded, email, null, role), cancellationToken);
    }

    public async Task<Result> ChangeRoleAsync(string userId, string role, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageTeam);
        if (!Roles.IsKnown(role))
        {
            return Result.Failure($"Unknown role '{role}'.");
        }

        var member = await identity.FindMemberAsync(caller.TenantId, userId, cancellationToken)
            ?? throw new NotFoundException("That team member does not exist.");
        if (member.Role == role)
        {
            return Result.Success;
        }

        if (member.Role == Roles.Admin && !await HasAnotherActiveAdminAsync(caller.TenantId, userId, cancellationToken))
        {
            return Result.Failure("The organisation needs at least one active Admin; make someone else Admin first.");
        }

        return await identity.SetRoleAsync(caller.TenantId, userId, role,
            Audit(caller, AuditActions.TeamMemberRoleChanged, member.Email, member.Role, role), cancellationToken);
    }

    public async Task<Result> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageTeam);
        var member = await identity.FindMemberAsync(caller.TenantId, userId, cancellationToken)
            ?? throw new NotFoundException("That team member does not exist.");
        if (disabled && userId == caller.UserId)
        {
            return Result.Failure("You cannot disable your own account.");
        }

        if (disabled && member.Role == Roles.Admin && !await HasAnotherActiveAdminAsync(caller.TenantId, userId, cancellationToken))
        {
            return Result.Failure("The organisation needs at least one active Admin.");
        }

        if (member.IsDisabled == disabled)
        {
            return Result.Success;
        }

        return await identity.SetDisabledAsync(caller.TenantId, userId, disabled,
            Audit(caller, disabled ? AuditActions.TeamMemberDisabled : AuditActions.TeamMemberEnabled, member.Email,
                member.IsDisabled ? "disabled" : "active", disabled ? "disabled" : "active"), cancellationToken);
    }

    /// <summary>
    /// Any signed-in person may delete their own account ("delete personal data"), except the
    /// organisation's last active Admin, who would leave it unmanageable.
    /// </summary>
    public async Task<Result> DeleteOwnAccountAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        if (caller.Roles.Contains(Roles.Admin) && !await HasAnotherActiveAdminAsync(caller.TenantId, caller.UserId, cancellationToken))
        {
            return Result.Failure("You are the organisation's only active Admin. Make someone else Admin on the Team page first.");
        }

        return await identity.DeleteMemberAsync(caller.TenantId, caller.UserId,
            Audit(caller, AuditActions.TeamMemberDeletedOwnAccount, caller.UserName, string.Join(",", caller.Roles), null), cancellationToken);
    }

    private async Task<bool> HasAnotherActiveAdminAsync(Guid tenantId, string userId, CancellationToken cancellationToken)
    {
        var members = await identity.ListMembersAsync(tenantId, cancellationToken);
        return members.Any(m => m.UserId != userId && m.Role == Roles.Admin && !m.IsDisabled);
    }

    /// <summary>The change's audit entry, written by Identity's context in the change's own transaction.</summary>
    private Action<IAppDbContext> Audit(CallerContext caller, string action, string subject, string? before, string? after) =>
        db => audit.Record(db, caller, action, subject, before, after);
}
