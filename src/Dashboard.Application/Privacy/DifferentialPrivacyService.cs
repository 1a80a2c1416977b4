using System.Globalization;
using System.Text.Json;
using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Dashboard.Recommender.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy;

/// <summary>
/// Releases aggregate counts to marketers under differential privacy: the two-sided geometric mechanism over
/// disjoint group counts (sensitivity 1, so one ε per histogram), each new query spending the tenant's ε per query
/// from its calendar-month (UTC) budget and writing a ledger line. The same query in the same month is answered from
/// the ledger at no cost, so re-asking cannot average the noise away. People who may manage privacy see exact
/// figures, labelled exact, and spend nothing.
/// </summary>
public sealed class DifferentialPrivacyService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IRandomSource random, TimeProvider time)
{
    // Spending reads the month's total and then adds to it; two spends at once must not both see room for one.
    private static readonly SemaphoreSlim SpendLock = new(1, 1);

    /// <param name="query">What is counted, in words that identify the data exactly (e.g. the model version), at most 500 characters.</param>
    /// <param name="exact">The true count of each group.</param>
    /// <param name="groupsPerEndUser">
    /// In how many of the groups one end-user can be counted: 1 for disjoint groups, the number of attributes when the
    /// groups are every value of several attributes. It is the sensitivity, so the noise grows with it and ε stays one query's.
    /// </param>
    public async Task<PrivateCounts> CountsAsync(string query, IReadOnlyList<PrivateCount> exact, int groupsPerEndUser = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Length, PrivacyBudgetSpend.QueryMaxLength, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(groupsPerEndUser, 1);
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        if (caller.Can(Policies.ManagePrivacy))
        {
            return new PrivateCounts(ReleaseKind.Exact, exact, null, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var period = PeriodStart(now);
        await SpendLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = dbFactory.CreateForTenant(caller.TenantId);
            var released = await db.PrivacyBudgetLedger.AsNoTracking()
                .Where(s => s.PeriodStartUtc == period && s.Query == query && s.ReleasedAnswer != null)
                .OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
            if (released is not null)
            {
                return new PrivateCounts(ReleaseKind.Noisy, Read(released.ReleasedAnswer!), released.Epsilon, null);
            }

            var settings = await db.PrivacySettingsAsync(cancellationToken);
            var spent = await SpentAsync(db, period, cancellationToken);
            if (spent + settings.EpsilonPerQuery > settings.EpsilonBudgetPerMonth + 1e-9)
            {
                return new PrivateCounts(ReleaseKind.Refused, [], null, RefusalText(settings.EpsilonBudgetPerMonth, period));
            }

            var noisy = GeometricMechanism.ReleaseHistogram([.. exact.Select(c => c.Count)], settings.EpsilonPerQuery, random, groupsPerEndUser);
            var counts = exact.Select((c, i) => new PrivateCount(c.Group, noisy[i])).ToList();
            var answer = Write(counts);
            if (answer.Length > PrivacyBudgetSpend.ReleasedAnswerMaxLength)
            {
                throw new ArgumentException("Too many groups to release in one query; ask about fewer groups at a time.", nameof(exact));
            }

            db.PrivacyBudgetLedger.Add(new PrivacyBudgetSpend
            {
                SpentAtUtc = now,
                PeriodStartUtc = period,
                SpentBy = Truncate(caller.ActorName, PrivacyBudgetSpend.SpentByMaxLength),
                Query = query,
                Epsilon = settings.EpsilonPerQuery,
                ReleasedAnswer = answer,
            });
            await db.SaveChangesAsync(cancellationToken);
            return new PrivateCounts(ReleaseKind.Noisy, counts, settings.EpsilonPerQuery, null);
        }
        finally
        {
            SpendLock.Release();
        }
    }

    /// <summary>The month's budget, what has been spent of it and the ledger lines, newest first. Needs ManagePrivacy.</summary>
    public async Task<BudgetStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        var period = PeriodStart(time.GetUtcNow().UtcDateTime);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var settings = await db.PrivacySettingsAsync(cancellationToken);
        var lines = await db.PrivacyBudgetLedger.AsNoTracking().OrderByDescending(s => s.SpentAtUtc).ThenByDescending(s => s.Id).Take(BudgetStatus.LinesShown)
            .Select(s => new BudgetLine(s.SpentAtUtc, s.PeriodStartUtc, s.SpentBy, s.Query, s.Epsilon)).ToListAsync(cancellationToken);
        return new BudgetStatus(period, settings.EpsilonPerQuery, settings.EpsilonBudgetPerMonth, await SpentAsync(db, period, cancellationToken), lines);
    }

    public static DateTime PeriodStart(DateTime utc) => new(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string RefusalText(double budget, DateTime periodStart) => string.Create(CultureInfo.InvariantCulture,
        $"This month's privacy budget (ε {budget:0.###}) is spent; figures return on {periodStart.AddMonths(1):d MMMM} or when a compliance officer raises the budget.");

    private static async Task<double> SpentAsync(IAppDbContext db, DateTime period, CancellationToken cancellationToken) =>
        (await db.PrivacyBudgetLedger.AsNoTracking().Where(s => s.PeriodStartUtc == period).Select(s => s.Epsilon).ToListAsync(cancellationToken)).Sum();

    private static string Write(IReadOnlyList<PrivateCount> counts) => JsonSerializer.Serialize(counts);

    private static List<PrivateCount> Read(string json) => JsonSerializer.Deserialize<List<PrivateCount>>(json) ?? [];

    private static string Truncate(string value, int max) => value.Length > max ? value[..max] : value;
}
