using Dashboard.Infrastructure.Demo;
using Dashboard.Web.Services;

namespace Dashboard.Web.Tests.Services;

public sealed class ReadyLineTests
{
    [Fact]
    public void Build_WithTheShippedDemo_NamesTheUrlTheThreeSignInsAndTheDocumentedPassword()
    {
        var line = ReadyLine.Build(["http://localhost:5080"], new DemoOptions(), demoAccountsExist: true);

        Assert.Equal(
            "Dashboard is ready at http://localhost:5080 — sign in as admin@demo.local / marketer@demo.local / compliance@demo.local, password Demo-Retail-2026.",
            line);
    }

    [Fact]
    public void Build_WithAPasswordAnOperatorConfigured_NeverPrintsIt()
    {
        var line = ReadyLine.Build(["http://localhost:5080"], new DemoOptions { Password = "operator-secret-42" }, demoAccountsExist: true);

        Assert.DoesNotContain("operator-secret-42", line, StringComparison.Ordinal);
        Assert.Contains("the password in Demo:Password", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenTheDemoUsersWereNeverCreated_OffersNoSignIn()
    {
        var line = ReadyLine.Build(["http://localhost:5080"], new DemoOptions(), demoAccountsExist: false);

        Assert.Equal("Dashboard is ready at http://localhost:5080.", line);
    }

    [Fact]
    public void Build_WithAWildcardBinding_ShowsAnOpenableLocalhostUrl()
    {
        var line = ReadyLine.Build(["http://[::]:8080", "http://0.0.0.0:8081"], new DemoOptions { Enabled = false }, demoAccountsExist: false);

        Assert.Equal("Dashboard is ready at http://localhost:8080 and http://localhost:8081.", line);
    }
}
