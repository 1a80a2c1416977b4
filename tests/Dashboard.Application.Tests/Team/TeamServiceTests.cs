using Dashboard.Application.Common;
using Dashboard.Application.Team;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Team;

/// <summary>
/// Each test drives the Team page's services through one scope held across all its calls, as a Blazor
/// circuit does, so state one call leaves behind in a scoped service reaches the next.
/// </summary>
public sealed class TeamServiceTests
{
    private const string Password = "a-long-enough-passphrase";

    [Fact]
    public async Task Add_ByAdmin_CreatesMemberWithRoleAndWritesAuditEntry()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");
        await using var circuit = host.OpenCircuit();
        var team = Team(circuit);

        var result = await team.AddAsync("m@example.test", "Mia", Password, Roles.Marketer);
        var members = await team.ListAsync();

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Contains(members, m => m.Email == "m@example.test" && m.Role == Roles.Marketer && m.DisplayName == "Mia");
        await using var db = host.CreateTenantContext(host.CurrentUser.Caller.TenantId);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "Team member added" && a.Subject == "m@example.test" && a.After == Roles.Marketer));
    }

    [Fact]
    public async Task RoleChange_WhoseAuditEntryCannotBeWritten_IsNotMadeEither()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");
        await using var circuit = host.OpenCircuit();
        var team = Team(circuit);
        var member = await AddMemberAsync(team, "m@example.test");

        // An entry for another tenant is refused by SaveChanges: the audit write fails inside the change.
        await Assert.ThrowsAnyAsync<Exception>(() => Identity(circuit).SetRoleAsync(
            host.CurrentUser.Caller.TenantId, member.UserId, Roles.Admin,
            db => db.AuditLog.Add(new AuditLogEntry { TenantId = Guid.NewGuid(), UserName = "x", Action = "x", Subject = "x" })));

        var after = (await team.ListAsync()).Single(m => m.Email == "m@example.test");
        Assert.Equal(Roles.Marketer, after.Role);
    }

    [Fact]
    public async Task RoleChange_WhoseAuditWriteFails_LeavesNothingForTheCircuitsNextChangeToSave()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");
        await using var circuit = host.OpenCircuit();
        var team = Team(circuit);
        var member = await AddMemberAsync(team, "m@example.test");
        var other = await AddMemberAsync(team, "o@example.test");
        await FailRoleChangeWhileWritingItsAuditEntryAsync(circuit, host.CurrentUser.Caller.TenantId, member.UserId);

        var disabled = await team.SetDisabledAsync(other.UserId, disabled: true);

        Assert.True(disabled.Succeeded, string.Join(" ", disabled.Errors));
        await using var db = host.CreateTenantContext(host.CurrentUser.Caller.TenantId);
        Assert.False(await db.AuditLog.AnyAsync(a => a.Action == "Team member role changed"));
    }

    [Fact]
    public async Task RoleChange_RetriedInTheSameCircuitAfterAFailedAttempt_IsMade()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");
        await using var circuit = host.OpenCircuit();
        var team = Team(circuit);
        var member = await AddMemberAsync(team, "m@example.test");
        await FailRoleChangeWhileWritingItsAuditEntryAsync(circuit, host.CurrentUser.Caller.TenantId, member.UserId);

        var retried = await team.ChangeRoleAsync(member.UserId, Roles.Admin);

        Assert.True(retried.Succeeded, string.Join(" ", retried.Errors));
        Assert.Equal(Roles.Admin, (await team.ListAsync()).Single(m => m.Email == "m@example.test").Role);
    }

    [Fact]
    public async Task Add_AnEmailThatAlreadyHasAnAccount_SaysSoOnce()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");
        await using var circuit = host.OpenCircuit();
        var team = Team(circuit);
        await team.AddAsync("m@example.test", null, Password, Roles.Marketer);

        var again = await team.AddAsync("m@example.test", null, Password, Roles.Marketer);

        Assert.Equal("The e-mail address m@example.test already has an account. Use another address.", Assert.Single(again.Errors));
    }

    [Theory]
    [InlineData(Roles.Marketer)]
    [InlineData(Roles.ComplianceOfficer)]
    public async Task Add_ByNonAdmin_IsRefusedByTheServiceItself(string role)
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = TestHost.As(admin, role);
        await using var circuit = host.OpenCircuit();

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => Team(circuit).AddAsync("m@example.test", null, Password, Roles.Admin));
    }

    [Fact]
    public async Task Add_WithUnknownRole_ReturnsAClearError()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");
        await using var circuit = host.OpenCircuit();

        var result = await Team(circuit).AddAsync("m@example.test", null, Password, "Superuser");

        Assert.False(result.Succeeded);
        Assert.Contains("Unknown role 'Superuser'", result.Errors.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short-pass", "at least 12")]
    [InlineData("password1234", "commonly used")]
    [InlineData("aaaaaaaaaaaaaaaa", "commonly used")]
    public async Task Add_WithWeakPassword_ReturnsAClearError(string password, string expected)
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");
        await using var circuit = host.OpenCircuit();

        var result = await Team(circuit).AddAsync("m@example.test", null, password, Roles.Marketer);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Add_PasswordContainingTheEmail_ReturnsAClearError()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");
        await using var circuit = host.OpenCircuit();

        var result = await Team(circuit).AddAsync("jordan.price@example.test", null, "Jordan.Price-2026!", Roles.Marketer);

        Assert.Contains(result.Errors, e => e.Contains("e-mail address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Add_AcceptsAVeryLongPassphrase()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");
        await using var circuit = host.OpenCircuit();
        var passphrase = string.Join(' ', Enumerable.Repeat("correct horse battery staple", 5)) + " 42";

        var result = await Team(circuit).AddAsync("m@example.test", null, passphrase, Roles.Marketer);

        Assert.True(passphrase.Length > 64);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    [Fact]
    public async Task List_ShowsOnlyTheCallersTenant()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        await host.RegisterOrganisationAsync("Beta", "b@example.test");
        host.CurrentUser.Caller = alpha;
        await using var circuit = host.OpenCircuit();

        var members = await Team(circuit).ListAsync();

        Assert.Equal(["a@example.test"], members.Select(m => m.Email));
    }

    [Fact]
    public async Task Disable_AnotherTenantsUser_IsNotFound()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var beta = await host.RegisterOrganisationAsync("Beta", "b@example.test");
        host.CurrentUser.Caller = alpha;
        await using var circuit = host.OpenCircuit();

        await Assert.ThrowsAsync<NotFoundException>(() => Team(circuit).SetDisabledAsync(beta.UserId, disabled: true));
    }

    [Fact]
    public async Task Disable_Yourself_IsRefused()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        await using var circuit = host.OpenCircuit();

        var result = await Team(circuit).SetDisabledAsync(admin.UserId, disabled: true);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task ChangeRole_OfTheLastAdmin_IsRefused()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        await using var circuit = host.OpenCircuit();

        var result = await Team(circuit).ChangeRoleAsync(admin.UserId, Roles.Marketer);

        Assert.False(result.Succeeded);
        Assert.Contains("at least one active Admin", result.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRole_ByAdmin_ChangesTheRole()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");
        await using var circuit = host.OpenCircuit();
        var team = Team(circuit);
        var member = await AddMemberAsync(team, "m@example.test");

        var result = await team.ChangeRoleAsync(member.UserId, Roles.ComplianceOfficer);
        var after = (await team.ListAsync()).Single(m => m.Email == "m@example.test");

        Assert.True(result.Succeeded);
        Assert.Equal(Roles.ComplianceOfficer, after.Role);
    }

    [Fact]
    public async Task DeleteOwnAccount_ByTheLastAdmin_IsRefused()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");
        await using var circuit = host.OpenCircuit();

        var result = await Team(circuit).DeleteOwnAccountAsync();

        Assert.Contains("only active Admin", result.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteOwnAccount_ByAMarketer_RemovesTheAccountAndIsAudited()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        await using var adminCircuit = host.OpenCircuit();
        var member = await AddMemberAsync(Team(adminCircuit), "m@example.test");
        host.CurrentUser.Caller = admin with { UserId = member.UserId, UserName = member.Email, Roles = new HashSet<string> { Roles.Marketer } };
        await using var memberCircuit = host.OpenCircuit();

        var result = await Team(memberCircuit).DeleteOwnAccountAsync();

        host.CurrentUser.Caller = admin;
        var members = await Team(adminCircuit).ListAsync();
        Assert.True(result.Succeeded);
        Assert.DoesNotContain(members, m => m.Email == "m@example.test");
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "Team member deleted own account" && a.Subject == "m@example.test"));
    }

    private static TeamService Team(AsyncServiceScope circuit) => circuit.ServiceProvider.GetRequiredService<TeamService>();

    private static IIdentityService Identity(AsyncServiceScope circuit) => circuit.ServiceProvider.GetRequiredService<IIdentityService>();

    private static async Task<TeamMember> AddMemberAsync(TeamService team, string email)
    {
        var added = await team.AddAsync(email, null, Password, Roles.Marketer);
        Assert.True(added.Succeeded, string.Join(" ", added.Errors));
        return (await team.ListAsync()).Single(m => m.Email == email);
    }

    /// <summary>
    /// Makes a member Admin through the circuit's Identity service and has the audit write fail after its
    /// entry was added: the person leaves the page, and the change's token is cancelled mid-write.
    /// </summary>
    private static async Task FailRoleChangeWhileWritingItsAuditEntryAsync(AsyncServiceScope circuit, Guid tenantId, string userId)
    {
        using var leaving = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Identity(circuit).SetRoleAsync(tenantId, userId, Roles.Admin, db =>
        {
            db.AuditLog.Add(new AuditLogEntry { UserName = "admin@example.test", Action = "Team member role changed", Subject = userId, Before = Roles.Marketer, After = Roles.Admin });
            leaving.Cancel();
        }, leaving.Token));
    }
}
