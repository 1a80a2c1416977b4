using Dashboard.Application.Team;
using Dashboard.Application.Tenants;
using Dashboard.Application.Tests.Support;

namespace Dashboard.Application.Tests.Tenants;

public sealed class OrganisationRegistrationTests
{
    [Fact]
    public async Task Register_DuplicateName_IgnoringCaseAndSpaces_IsRefused()
    {
        await using var host = await TestHost.StartAsync();
        await host.RegisterOrganisationAsync("Acme Retail", "a@example.test");

        var outcome = await host.InScopeAsync<OrganisationRegistrationService, RegistrationOutcome>(
            r => r.RegisterAsync("  acme   RETAIL ", "b@example.test", "a-long-enough-passphrase"));

        Assert.False(outcome.Result.Succeeded);
        Assert.Contains("Could not register with these details.", outcome.Result.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_TakenEmail_IsRefusedWithTheSameWordsAsATakenName()
    {
        await using var host = await TestHost.StartAsync();
        await host.RegisterOrganisationAsync("Acme Retail", "a@example.test");

        var takenName = await host.InScopeAsync<OrganisationRegistrationService, RegistrationOutcome>(
            r => r.RegisterAsync("Acme Retail", "b@example.test", "a-long-enough-passphrase"));
        var takenEmail = await host.InScopeAsync<OrganisationRegistrationService, RegistrationOutcome>(
            r => r.RegisterAsync("Other Org", "a@example.test", "a-long-enough-passphrase"));

        Assert.Equal(takenName.Result.Errors, takenEmail.Result.Errors);
    }

    [Fact]
    public async Task Register_TakenEmail_LeavesNoOrganisationBehind()
    {
        await using var host = await TestHost.StartAsync();
        await host.RegisterOrganisationAsync("Acme Retail", "a@example.test");
        await host.InScopeAsync<OrganisationRegistrationService, RegistrationOutcome>(
            r => r.RegisterAsync("Other Org", "a@example.test", "a-long-enough-passphrase"));

        var again = await host.InScopeAsync<OrganisationRegistrationService, RegistrationOutcome>(
            r => r.RegisterAsync("Other Org", "c@example.test", "a-long-enough-passphrase"));

        Assert.True(again.Result.Succeeded, string.Join(" ", again.Result.Errors));
    }

    [Fact]
    public async Task Register_MissingFields_ListsEachProblem()
    {
        await using var host = await TestHost.StartAsync();

        var outcome = await host.InScopeAsync<OrganisationRegistrationService, RegistrationOutcome>(r => r.RegisterAsync(" ", "", null));

        Assert.Equal(3, outcome.Result.Errors.Count);
    }

    [Fact]
    public async Task Register_WeakPassword_CreatesNoOrganisation()
    {
        await using var host = await TestHost.StartAsync();

        var weak = await host.InScopeAsync<OrganisationRegistrationService, RegistrationOutcome>(r => r.RegisterAsync("Acme", "a@example.test", "password1234"));
        var retry = await host.InScopeAsync<OrganisationRegistrationService, RegistrationOutcome>(r => r.RegisterAsync("Acme", "a@example.test", "a-long-enough-passphrase"));

        Assert.False(weak.Result.Succeeded);
        Assert.True(retry.Result.Succeeded, string.Join(" ", retry.Result.Errors));
    }
}
