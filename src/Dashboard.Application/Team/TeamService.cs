using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Domain.Identity;

namespace Dashboard.Application.Team;

/// <summary>Team management for a tenant's Admins: list, add, change role, disable.</summary>
public sealed class TeamService(
    ICurrentUser currentUser, IIdentityService identity, ITenantDbContextFactory dbFactory, IAuditLog audit)
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

        var result = await identity.CreateMemberAsync(caller.TenantId, email, displayName, password, role, cancellationToken);
        if (result.Succeeded)
        {
            await RecordAsync(caller, "Team member added", email, null, role, cancellationToken);
        }

        return result;
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

        var result = await identity.SetRoleAsync(caller.TenantId, userId, role, cancellationToken);
        if (result.Succeeded)
        {
            await RecordAsync(caller, "Team member role changed", member.Email, member.Role, role, cancellationToken);
        }

        return result;
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

        var result = await identity.SetDisabledAsync(caller.TenantId, userId, disabled, cancellationToken);
        if (result.Succeeded)
        {
            await RecordAsync(caller, disabled ? "Team member disabled" : "Team member enabled", member.Email,
                member.IsDisabled ? "disabled" : "active", disabled ? "disabled" : "active", cancellationToken);
        }

        return result;
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

        var result = await identity.DeleteMemberAsync(caller.TenantId, caller.UserId, cancellationToken);
        if (result.Succeeded)
        {
            await RecordAsync(caller, "Team member deleted own account", caller.UserName, string.Join(",", caller.Roles), null, cancellationToken);
        }

        return result;
    }

    private async Task<bool> HasAnotherActiveAdminAsync(Guid tenantId, string userId, CancellationToken cancellationToken)
    {
        var members = await identity.ListMembersAsync(tenantId, cancellationToken);
        return members.Any(m => m.UserId != userId && m.Role == Roles.Admin && !m.IsDisabled);
    }

    private async Task RecordAsync(CallerContext caller, string action, string subject, string? before, string? after, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        audit.Record(db, caller, action, subject, before, after);
        await db.SaveChangesAsync(cancellationToken);
    }
}
