using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Privacy;

public sealed class KAnonymityReportTests
{
    [Fact]
    public async Task Compute_AllQuasiIdentifiersTogether_GivesKAchievedClassesSuppressedAndLDiversity()
    {
        var host = await GeneralisedAsync(k: 2);
        await using var _h = host;

        var together = (await ComputeAsync(host))[0];

        // Kept classes: (30–39, 750**) with {flu, asthma} and (40–49, 750**) with {flu}: l = 1; u6 and u7 are alone.
        Assert.Equal((2, 2, 7, 2, 1), (together.KAchieved, together.EquivalenceClasses, together.EndUsers, together.EndUsersSuppressed, together.LDiversity["diagnosis"]));
    }

    [Fact]
    public async Task Compute_ReportsEachQuasiIdentifierAloneAfterTheSet()
    {
        var host = await GeneralisedAsync(k: 2);
        await using var _h = host;

        var figures = await ComputeAsync(host);

        // Age alone: 30–39 ×3, 40–49 ×3, 50–59 ×1. Postcode alone: 750** ×5 and 690** ×2, nobody suppressed.
        Assert.Equal(
            [("age+postcode", 2, 2), ("age", 3, 1), ("postcode", 2, 0)],
            figures.Select(f => (string.Join("+", f.QuasiIdentifiers), f.KAchieved, f.EndUsersSuppressed)));
    }

    [Fact]
    public async Task Compute_KLargerThanThePopulation_SuppressesEveryoneAndSaysSo()
    {
        var host = await GeneralisedAsync(k: 8);
        await using var _h = host;

        var together = (await ComputeAsync(host))[0];

        Assert.Equal((0, 0, 7, "age + postcode: k = 8 is larger than the 7 end-users, so every end-user's quasi-identifiers are suppressed."),
            (together.KAchieved, together.EquivalenceClasses, together.EndUsersSuppressed, KAnonymitySummary.Describe(together)));
    }

    [Fact]
    public async Task Compute_WithoutGeneralisation_ExactValuesMakeEveryoneUnique()
    {
        var (host, admin) = await PrivacyTestKit.StartAsync();
        await using var _h = host;
        await PrivacyTestKit.SeedPeopleAsync(host, admin.TenantId);

        var together = (await ComputeAsync(host))[0];

        Assert.Equal((7, 7), (together.EndUsers, together.EndUsersSuppressed));
    }

    [Fact]
    public async Task Compute_ByAMarketer_IsForbidden()
    {
        var host = await GeneralisedAsync(k: 2);
        await using var _h = host;
        host.CurrentUser.Caller = TestHost.As(host.CurrentUser.Caller!, Roles.Marketer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => ComputeAsync(host));
    }

    [Fact]
    public async Task AnonymisedAttributes_SuppressedEndUsersLoseTheirQuasiIdentifiersOnly()
    {
        var host = await GeneralisedAsync(k: 2);
        await using var _h = host;

        var data = await host.Services.GetRequiredService<AnonymisedAttributeReader>().ReadAsync(host.CurrentUser.Caller!.TenantId);

        var users = data.EndUsers().ToList();
        Assert.Equal(
            [
                "age=30–39 diagnosis=flu newsletter=yes postcode=750**",
                "diagnosis=diabetes newsletter=yes",
            ],
            new[] { users[0], users[5] }.Select(u => string.Join(" ", u.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))));
    }

    [Fact]
    public async Task AnonymisedAttributes_MarkWhoWasSuppressed()
    {
        var host = await GeneralisedAsync(k: 2);
        await using var _h = host;

        var data = await host.Services.GetRequiredService<AnonymisedAttributeReader>().ReadAsync(host.CurrentUser.Caller!.TenantId);

        Assert.Equal([false, false, false, false, false, true, true], data.EndUsers().Select(u => u.QuasiIdentifiersSuppressed));
    }

    private static async Task<TestHost> GeneralisedAsync(int k)
    {
        var (host, admin) = await PrivacyTestKit.StartAsync();
        await PrivacyTestKit.SeedPeopleAsync(host, admin.TenantId);
        await host.InScopeAsync<GeneralisationRulesService, PrivacySaveResult>(s => s.SaveAsync("age", GeneralisationKind.NumericBands, 10));
        await host.InScopeAsync<GeneralisationRulesService, PrivacySaveResult>(s => s.SaveAsync("postcode", GeneralisationKind.Prefix, 3));
        await host.InScopeAsync<AnonymitySettingsService, PrivacySaveResult>(s => s.SaveKAsync(k));
        return host;
    }

    private static Task<IReadOnlyList<KAnonymityFigures>> ComputeAsync(TestHost host) =>
        host.InScopeAsync<IKAnonymityReport, IReadOnlyList<KAnonymityFigures>>(r => r.ComputeAsync(CancellationToken.None));
}
