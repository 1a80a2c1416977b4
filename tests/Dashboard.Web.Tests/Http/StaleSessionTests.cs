using System.Net;
using System.Security.Claims;
using Dashboard.Application.Common;
using Dashboard.Application.Team;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Identity;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Services;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

/// <summary>A role change or a disabled account ends what the person's open sessions may do, at once.</summary>
public sealed class StaleSessionTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task PageLoad_AfterTheRoleChanged_SendsThePersonToSignInAgain()
    {
        var (tenantId, userId) = await CreateMemberAsync("role-change@demo.local", Roles.Marketer);
        using var client = await SignIn.AsAsync(factory, "role-change@demo.local", DashboardFactory.MemberPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/data-sources")).StatusCode);

        await InScopeAsync<IIdentityService>(identity => identity.SetRoleAsync(tenantId, userId, Roles.ComplianceOfficer));
        var response = await client.GetAsync("/data-sources");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingOwnTwoFactorSetUp_KeepsThePersonSignedIn()
    {
        await CreateMemberAsync("sets-up-2fa@demo.local", Roles.Marketer);
        using var client = await SignIn.AsAsync(factory, "sets-up-2fa@demo.local", DashboardFactory.MemberPassword);

        // Opening the set-up page creates a new authenticator key, which renews the account's security stamp.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage/EnableAuthenticator")).StatusCode);
        var next = await client.GetAsync("/Account/Manage");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task ServiceCall_FromAnOpenPage_AfterTheAccountWasDisabled_IsRefused()
    {
        var (tenantId, userId) = await CreateMemberAsync("disabled-later@demo.local", Roles.Admin);
        ClaimsPrincipal principal;
        using (var scope = factory.Services.CreateScope())
        {
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
            principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(userId))!);
        }

        var current = new CurrentUser(new FixedState(principal), factory.Services.GetRequiredService<SessionValidator>());
        Assert.Equal(tenantId, (await current.GetAsync()).TenantId);

        await InScopeAsync<IIdentityService>(identity => identity.SetDisabledAsync(tenantId, userId, true));

        var refused = await Assert.ThrowsAsync<ForbiddenAccessException>(() => current.GetAsync());
        Assert.Equal(CurrentUser.StaleSessionMessage, refused.Message);
    }

    private async Task<(Guid TenantId, string UserId)> CreateMemberAsync(string email, string role)
    {
        Guid tenantId;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            tenantId = await db.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
        }

        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, TenantId = tenantId, CreatedAtUtc = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, DashboardFactory.MemberPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return (tenantId, user.Id);
    }

    private async Task InScopeAsync<T>(Func<T, Task<Result>> action)
        where T : notnull
    {
        using var scope = factory.Services.CreateScope();
        var result = await action(scope.ServiceProvider.GetRequiredService<T>());
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    private sealed class FixedState(ClaimsPrincipal principal) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
    }
}
