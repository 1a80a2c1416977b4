using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Privacy;

public sealed class DifferentialPrivacyServiceTests
{
    private static readonly PrivateCount[] Exact = [new("gender: female", 1200), new("gender: male", 1100), new("gender: other", 40)];

    [Fact]
    public async Task Counts_ForAMarketer_AreNoisyAndTheSpendIsInTheLedger()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;

        var counts = await AskAsync(host, "Sizes of the gender groups");

        await using var db = host.CreateTenantContext(admin.TenantId);
        var line = await db.PrivacyBudgetLedger.SingleAsync();
        Assert.Equal(
            (ReleaseKind.Noisy, "noisy (ε 0.5)", admin.UserName, "Sizes of the gender groups", 0.5, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), true),
            (counts.Kind, counts.Label, line.SpentBy, line.Query, line.Epsilon, line.PeriodStartUtc, counts.Counts.Select(c => c.Count).SequenceEqual(Exact.Select(c => c.Count)) is false));
    }

    [Fact]
    public async Task Counts_SameQueryAgainThisMonth_GivesTheSameAnswerAndSpendsNothing()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;

        var first = await AskAsync(host, "Sizes of the gender groups");
        var second = await AskAsync(host, "Sizes of the gender groups");

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((first.Counts, 1), (second.Counts, await db.PrivacyBudgetLedger.CountAsync()), new CountsComparer());
    }

    [Fact]
    public async Task Counts_SameQueryNextMonth_SpendsAgain()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        await AskAsync(host, "Sizes of the gender groups");
        host.Time.Advance(TimeSpan.FromDays(2));

        await AskAsync(host, "Sizes of the gender groups");

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(2, await db.PrivacyBudgetLedger.CountAsync());
    }

    [Fact]
    public async Task Counts_BudgetSpent_AreRefusedInWordsAndSpendNothingMore()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        for (var i = 0; i < 20; i++)
        {
            await AskAsync(host, $"Query {i}");
        }

        var refused = await AskAsync(host, "One query too many");

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(
            (ReleaseKind.Refused, "This month's privacy budget (ε 10) is spent; figures return on 1 July or when a compliance officer raises the budget.", 0, 20),
            (refused.Kind, refused.Label, refused.Counts.Count, await db.PrivacyBudgetLedger.CountAsync()));
    }

    [Fact]
    public async Task Counts_BudgetSpent_AQueryAlreadyAnsweredIsStillAnswered()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;
        for (var i = 0; i < 20; i++)
        {
            await AskAsync(host, $"Query {i}");
        }

        var again = await AskAsync(host, "Query 3");

        Assert.Equal(ReleaseKind.Noisy, again.Kind);
    }

    [Fact]
    public async Task Counts_ManyNewQueriesAtOnce_NeverSpendMoreThanTheBudget()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => AskAsync(host, $"Parallel query {i}"))));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((20, 4, 10.0),
            (answers.Count(a => a.Kind == ReleaseKind.Noisy), answers.Count(a => a.Kind == ReleaseKind.Refused), (await db.PrivacyBudgetLedger.Select(l => l.Epsilon).ToListAsync()).Sum()));
    }

    [Theory]
    [InlineData(Roles.ComplianceOfficer)]
    [InlineData(Roles.Admin)]
    public async Task Counts_ForPeopleWhoManagePrivacy_AreExactLabelledExactAndSpendNothing(string role)
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        host.CurrentUser.Caller = TestHost.As(admin, role);

        var counts = await AskAsync(host, "Sizes of the gender groups");

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((ReleaseKind.Exact, "exact", true, 0),
            (counts.Kind, counts.Label, counts.Counts.SequenceEqual(Exact), await db.PrivacyBudgetLedger.CountAsync()));
    }

    [Fact]
    public async Task Status_ShowsThisMonthsSpendAndTheLedger()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        await AskAsync(host, "Sizes of the gender groups");
        await AskAsync(host, "Sizes of the region groups");
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        var status = await host.InScopeAsync<DifferentialPrivacyService, BudgetStatus>(s => s.StatusAsync());

        Assert.Equal((1.0, 10.0, 2, "Sizes of the region groups"), (status.SpentThisMonth, status.PercentSpent, status.Ledger.Count, status.Ledger[0].Query));
    }

    [Fact]
    public async Task Status_ForAMarketer_IsForbidden()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;

        await Assert.ThrowsAsync<Dashboard.Application.Common.ForbiddenAccessException>(() => host.InScopeAsync<DifferentialPrivacyService, BudgetStatus>(s => s.StatusAsync()));
    }

    /// <summary>A marketer asking, with seeded noise so a run is repeatable.</summary>
    private static async Task<(TestHost Host, Dashboard.Application.Common.CallerContext Admin)> StartAsync()
    {
        var host = await TestHost.StartAsync(s => s.AddSingleton<IRandomSource>(new SeededRandomSource(42)));
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);
        return (host, admin);
    }

    private static Task<PrivateCounts> AskAsync(TestHost host, string query) =>
        host.InScopeAsync<DifferentialPrivacyService, PrivateCounts>(s => s.CountsAsync(query, Exact));

    private sealed class CountsComparer : IEqualityComparer<(IReadOnlyList<PrivateCount>, int)>
    {
        public bool Equals((IReadOnlyList<PrivateCount>, int) x, (IReadOnlyList<PrivateCount>, int) y) => x.Item1.SequenceEqual(y.Item1) && x.Item2 == y.Item2;

        public int GetHashCode((IReadOnlyList<PrivateCount>, int) obj) => obj.Item2;
    }
}
