using Dashboard.Application.Common;
using Dashboard.Application.Team;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

/// <summary>Sign-ins, failed sign-ins and lockouts reach the person's organisation's audit log.</summary>
public sealed class SignInAuditTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private async Task<Guid> AddMemberAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DashboardDbContext>();
        var tenantId = await db.Tenants.Select(t => t.Id).SingleAsync();
        var created = await scope.ServiceProvider.GetRequiredService<IIdentityService>()
            .CreateMemberAsync(tenantId, email, null, DashboardFactory.MemberPassword, Roles.Marketer);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        return tenantId;
    }

    private async Task<List<AuditLogEntry>> EntriesAsync(Guid tenantId, string email)
    {
        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        return await db.AuditLog.Where(a => a.Subject == email).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Login_WithRightPassword_IsRecordedAsASignIn()
    {
        var tenantId = await AddMemberAsync("audit-in@demo.local");
        using var client = SignIn.CreateClient(factory);

        await SignIn.PostLoginAsync(client, "audit-in@demo.local", DashboardFactory.MemberPassword);

        var entry = Assert.Single(await EntriesAsync(tenantId, "audit-in@demo.local"));
        Assert.Equal((AuditActions.SignedIn, "audit-in@demo.local", "a password"), (entry.Action, entry.UserName, entry.After));
    }

    [Fact]
    public async Task Login_WithWrongPassword_IsRecordedAsAFailedSignIn()
    {
        var tenantId = await AddMemberAsync("audit-wrong@demo.local");
        using var client = SignIn.CreateClient(factory);

        await SignIn.PostLoginAsync(client, "audit-wrong@demo.local", "not-the-password");

        var entry = Assert.Single(await EntriesAsync(tenantId, "audit-wrong@demo.local"));
        Assert.Equal((AuditActions.SignInFailed, "wrong password"), (entry.Action, entry.After));
    }

    [Fact]
    public async Task Login_FifthWrongPassword_IsRecordedAsALockout()
    {
        var tenantId = await AddMemberAsync("audit-lock@demo.local");
        using var client = SignIn.CreateClient(factory);
        for (var i = 0; i < 5; i++)
        {
            await SignIn.PostLoginAsync(client, "audit-lock@demo.local", "not-the-password-" + i);
        }

        var actions = (await EntriesAsync(tenantId, "audit-lock@demo.local")).Select(e => e.Action).ToList();

        Assert.Equal([.. Enumerable.Repeat(AuditActions.SignInFailed, 4), AuditActions.LockedOut], actions);
    }
}
