using Dashboard.Application.Auditing;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.Team;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Tenancy;
using Dashboard.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Infrastructure.Identity;

/// <inheritdoc />
/// <remarks>
/// Every operation runs in a DI scope of its own, with its own <see cref="UserManager{TUser}"/> and the
/// context its store writes through, disposed when the operation ends. A caller such as a Blazor circuit
/// lives far longer than one change: a shared context would keep a failed change's rolled-back rows and
/// unsaved audit entry in its change tracker, and the circuit's next change would save them.
/// </remarks>
internal sealed class IdentityService(IServiceScopeFactory scopes, TimeProvider time) : IIdentityService
{
    public async Task<IReadOnlyList<TeamMember>> ListMembersAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = Db(scope);
        var users = await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var userIds = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var roleByUser = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name ?? string.Empty);
        var now = time.GetUtcNow();
        return users.Select(u => ToMember(u, roleByUser.GetValueOrDefault(u.Id, string.Empty), now)).ToList();
    }

    public async Task<TeamMember?> FindMemberAsync(Guid tenantId, string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (db, userManager) = (Db(scope), Users(scope));
        var user = await FindUserAsync(db, tenantId, userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await userManager.GetRolesAsync(user);
        return ToMember(user, roles.FirstOrDefault() ?? string.Empty, time.GetUtcNow());
    }

    public async Task<Result> CreateMemberAsync(Guid tenantId, string email, string? displayName, string password, string role, Action<IAppDbContext>? audit = null, CancellationToken cancellationToken = default)
    {
        if (!Roles.IsKnown(role))
        {
            return Result.Failure($"Unknown role '{role}'.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var (db, userManager) = (Db(scope), Users(scope));
        var user = NewUser(tenantId, email, displayName);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return ToResult(created);
        }

        var added = await userManager.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            return ToResult(added);
        }

        await RecordAsync(db, tenantId, audit, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result> SetRoleAsync(Guid tenantId, string userId, string role, Action<IAppDbContext>? audit = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (db, userManager) = (Db(scope), Users(scope));
        var user = await FindUserAsync(db, tenantId, userId, cancellationToken);
        if (user is null)
        {
            return Result.Failure("That team member does not exist.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await userManager.GetRolesAsync(user);
        var removed = await userManager.RemoveFromRolesAsync(user, current);
        if (!removed.Succeeded)
        {
            return ToResult(removed);
        }

        var added = await userManager.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            return ToResult(added);
        }

        // A new security stamp ends the member's open sessions: they sign in again with the new role.
        await userManager.UpdateSecurityStampAsync(user);
        await RecordAsync(db, tenantId, audit, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result> SetDisabledAsync(Guid tenantId, string userId, bool disabled, Action<IAppDbContext>? audit = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (db, userManager) = (Db(scope), Users(scope));
        var user = await FindUserAsync(db, tenantId, userId, cancellationToken);
        if (user is null)
        {
            return Result.Failure("That team member does not exist.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        user.IsDisabled = disabled;
        var updated = await userManager.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return ToResult(updated);
        }

        // Invalidates the disabled user's cookies and open pages (see SessionValidator).
        await userManager.UpdateSecurityStampAsync(user);
        await RecordAsync(db, tenantId, audit, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result> DeleteMemberAsync(Guid tenantId, string userId, Action<IAppDbContext>? audit = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (db, userManager) = (Db(scope), Users(scope));
        var user = await FindUserAsync(db, tenantId, userId, cancellationToken);
        if (user is null)
        {
            return Result.Failure("That team member does not exist.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await userManager.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return ToResult(deleted);
        }

        await RecordAsync(db, tenantId, audit, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return Result.Success;
    }

    /// <summary>
    /// Adds the change's audit entry through the operation's context — the one Identity writes through —
    /// inside the open transaction, bound to the tenant like every tenant row.
    /// </summary>
    private static async Task RecordAsync(DashboardDbContext db, Guid tenantId, Action<IAppDbContext>? audit, CancellationToken cancellationToken)
    {
        if (audit is null)
        {
            return;
        }

        db.BindTenant(tenantId);
        audit(db);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<RegistrationOutcome> RegisterOrganisationAsync(string organisationName, string email, string password, string? registeredBy = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (db, userManager) = (Db(scope), Users(scope));
        var normalized = Tenant.Normalize(organisationName);
        if (await db.Tenants.AnyAsync(t => t.NormalizedName == normalized, cancellationToken))
        {
            return Failed(RegistrationRefused);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var tenant = new Tenant { Id = Guid.CreateVersion7(), Name = organisationName, NormalizedName = normalized, CreatedAtUtc = now };
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Tenants.Add(tenant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another registration of the same name; the unique index decided.
            return Failed(RegistrationRefused);
        }

        var user = NewUser(tenant.Id, email, null);
        var created = await userManager.CreateAsync(user, password);
        if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return Failed(RegistrationRefused);
        }

        if (!created.Succeeded)
        {
            return new RegistrationOutcome(ToResult(created), Guid.Empty, null);
        }

        var added = await userManager.AddToRoleAsync(user, Roles.Admin);
        if (!added.Succeeded)
        {
            return new RegistrationOutcome(ToResult(added), Guid.Empty, null);
        }

        await RecordAsync(db, tenant.Id, d =>
        {
            d.AuditLog.Add(new AuditLogEntry
            {
                AtUtc = now, UserId = registeredBy is null ? user.Id : null, UserName = registeredBy ?? email, Action = AuditActions.OrganisationRegistered, Subject = organisationName,
                After = AuditFields.Write(("First Admin", email)),
            });

            // Every organisation starts with a blend to train, so its first data leads to recommendations without set-up.
            d.Blends.Add(BlendDefaults.CreateDefault(now));
        }, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new RegistrationOutcome(Result.Success, tenant.Id, user.Id);
    }

    /// <summary>
    /// The one answer for a taken organisation name and a taken e-mail (OWASP ASVS: no account enumeration): registration is
    /// open to anyone, so naming which one exists would let anybody list customers and their staff.
    /// </summary>
    internal const string RegistrationRefused =
        "Could not register with these details. If your organisation already uses Dashboard, ask one of its Admins to add you; otherwise choose another organisation name or e-mail.";

    private static RegistrationOutcome Failed(string error) => new(Result.Failure(error), Guid.Empty, null);

    private static DashboardDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<DashboardDbContext>();

    private static UserManager<ApplicationUser> Users(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

    private static Task<ApplicationUser?> FindUserAsync(DashboardDbContext db, Guid tenantId, string userId, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.TenantId == tenantId, cancellationToken);

    private ApplicationUser NewUser(Guid tenantId, string email, string? displayName) => new()
    {
        TenantId = tenantId,
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
        CreatedAtUtc = time.GetUtcNow().UtcDateTime,
    };

    private static TeamMember ToMember(ApplicationUser u, string role, DateTimeOffset now) =>
        new(u.Id, u.Email ?? u.UserName ?? string.Empty, u.DisplayName, role, u.IsDisabled, u.TwoFactorEnabled,
            u.LockoutEnd is { } end && end > now);

    private static Result ToResultOrSuccess(IdentityResult result) => result.Succeeded ? Result.Success : ToResult(result);

    private static Result ToResult(IdentityResult result) => Result.Failure(result.Errors.Select(e => e.Description).Distinct(StringComparer.Ordinal));
}
