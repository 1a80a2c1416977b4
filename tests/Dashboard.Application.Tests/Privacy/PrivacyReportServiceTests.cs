using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Report;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;
using static Dashboard.Application.Tests.Privacy.PrivacyReportSeed;

namespace Dashboard.Application.Tests.Privacy;

public sealed class PrivacyReportServiceTests
{
    private static Task<PrivacyReport> ReportAsync(TestHost host) => host.InScopeAsync<PrivacyReportService, PrivacyReport>(s => s.GetAsync());

    /// <summary>
    /// ann: granted 06-10, withdrew 06-20, the withdrawal arriving first. bob: withdrew 06-05, granted 06-15, the older
    /// withdrawal arriving last. cat: granted 06-12. dan: no record. eve: granted and withdrew at the same moment (the
    /// later id, the withdrawal, wins). fay: granted Analytics only.
    /// </summary>
    private static async Task<(TestHost Host, CallerContext Admin)> StartWithConsentAsync()
    {
        var (host, admin) = await StartAsync();
        await using var db = host.CreateTenantContext(admin.TenantId);
        var ids = await EndUsersAsync(db, "ann", "bob", "cat", "dan", "eve", "fay");
        await ConsentAsync(db, ids["ann"], granted: false, June(20));
        await ConsentAsync(db, ids["ann"], granted: true, June(10));
        await ConsentAsync(db, ids["bob"], granted: true, June(15));
        await ConsentAsync(db, ids["bob"], granted: false, June(5));
        await ConsentAsync(db, ids["cat"], granted: true, June(12));
        await ConsentAsync(db, ids["eve"], granted: true, June(25));
        await ConsentAsync(db, ids["eve"], granted: false, June(25));
        await ConsentAsync(db, ids["fay"], granted: true, June(8), ConsentPurpose.Analytics);
        return (host, admin);
    }

    [Fact]
    public async Task ConsentNow_CountsEachEndUsersLatestRecordByItsOwnTime()
    {
        var (host, _) = await StartWithConsentAsync();
        await using var _h = host;

        var report = await ReportAsync(host);

        var personalisation = report.ConsentNow.Single(c => c.Purpose == ConsentPurpose.Personalisation);
        Assert.Equal((2, 2, 2, 6), (personalisation.Granted, personalisation.Withdrawn, personalisation.NoRecord, personalisation.EndUsers));
    }

    [Fact]
    public async Task ConsentNow_ListsEveryBuiltInPurpose_EvenWithoutRecords()
    {
        var (host, _) = await StartWithConsentAsync();
        await using var _h = host;

        var report = await ReportAsync(host);

        Assert.Equal(ConsentPurpose.BuiltIn, report.ConsentNow.Select(c => c.Purpose).ToArray());
        Assert.Equal((0, 6), (report.ConsentNow[2].Granted, report.ConsentNow[2].NoRecord));
    }

    [Fact]
    public async Task ConsentOverTime_GivesTheGrantedCountAtTheEndOfEachDay_FromTheFirstRecordToToday()
    {
        var (host, _) = await StartWithConsentAsync();
        await using var _h = host;

        var history = (await ReportAsync(host)).ConsentOverTime;

        Assert.Equal((new DateOnly(2026, 6, 5), new DateOnly(2026, 6, 30), 26, 1), (history.Days[0], history.Days[^1], history.Days.Count, history.StepDays));
        var granted = history.Lines.Single(l => l.Purpose == ConsentPurpose.Personalisation).Granted;
        int On(int day) => granted[day - 5];
        Assert.Equal(new[] { 0, 1, 2, 3, 2, 2, 2 }, new[] { On(5), On(10), On(12), On(15), On(20), On(25), On(30) });
    }

    [Fact]
    public async Task ConsentOverTime_OverMoreThanAQuarter_HasAPointPerWeek_EndingToday()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            var ids = await EndUsersAsync(db, "old");
            await ConsentAsync(db, ids["old"], granted: true, Now.AddDays(-200));
        }

        var history = (await ReportAsync(host)).ConsentOverTime;

        Assert.Equal((7, DateOnly.FromDateTime(Now), 30), (history.StepDays, history.Days[^1], history.Days.Count));
    }

    [Fact]
    public async Task TrainingExclusions_ComeFromEachBlendsLatestVersionManifest()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await BlendWithVersionsAsync(db, "Nightly", (90, 10, June(1)), (97, 3, June(20)));
        }

        var exclusion = Assert.Single((await ReportAsync(host)).TrainingExclusions);

        Assert.Equal(("Nightly", 2, 97, 3, June(20)), (exclusion.Blend, exclusion.Version, exclusion.EndUsersIncluded, exclusion.EndUsersExcluded, exclusion.ConsentAsOfUtc));
    }

    [Fact]
    public async Task Requests_ListReceiptsWithRowsRemovedPerTable_AndTheVersionsAffected()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            db.PrivacyRequests.Add(new PrivacyRequest
            {
                Reference = "ER-20260620-7F3A", Kind = PrivacyRequestKind.Erasure, ReceivedAtUtc = June(20), CompletedAtUtc = June(20, 10), RequestedBy = "co@example.test",
                Channel = "API", Found = true, RowsRemovedJson = """{"Interactions":12,"ConsentRecords":3}""", ModelVersionsAffectedJson = """["Default v2"]""",
            });
            db.PrivacyRequests.Add(new PrivacyRequest
            {
                Reference = "AC-20260621-0001", Kind = PrivacyRequestKind.Access, ReceivedAtUtc = June(21), RequestedBy = "co@example.test", Channel = "Privacy page",
            });
            await db.SaveChangesAsync();
        }

        var requests = (await ReportAsync(host)).Requests;

        Assert.Equal(new[] { "AC-20260621-0001", "ER-20260620-7F3A" }, requests.Select(r => r.Reference).ToArray());
        var erasure = requests[1];
        Assert.Equal((12L, 3L, 15L, "Default v2"), (erasure.RowsRemoved["Interactions"], erasure.RowsRemoved["ConsentRecords"], erasure.TotalRowsRemoved, Assert.Single(erasure.ModelVersionsAffected)));
    }

    [Fact]
    public async Task Marketer_IsRefused()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => ReportAsync(host));
    }

    [Fact]
    public async Task ComplianceOfficer_GetsTheReport()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        var report = await ReportAsync(host);

        Assert.Equal("Alpha", report.Organisation);
    }

    [Fact]
    public async Task Settings_WithoutARow_AreAllDefault_AndNobodyChangedThem()
    {
        var (host, _) = await StartAsync();
        await using var _h = host;

        var report = await ReportAsync(host);

        Assert.All(report.Settings, s => Assert.True(s.IsDefault, s.Setting));
        Assert.Null(report.SettingsUpdatedBy);
    }

    [Fact]
    public async Task Settings_ShowWhatChanged_WhoChangedThem_AndThePrivacyEntriesOfTheAuditLog()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            db.PrivacySettings.Add(new PrivacySettings { TenantId = admin.TenantId, K = 7, UpdatedAtUtc = June(29), UpdatedBy = "co@example.test" });
            db.AuditLog.Add(new AuditLogEntry { AtUtc = June(29), UserName = "co@example.test", Action = "Privacy.KChanged", Subject = "k", Before = "5", After = "7" });
            db.AuditLog.Add(new AuditLogEntry { AtUtc = June(29), UserName = "co@example.test", Action = AuditActions.BlendCreated, Subject = "Default" });
            await db.SaveChangesAsync();
        }

        var report = await ReportAsync(host);

        Assert.Equal(("7", false), report.Settings.Where(s => s.Setting == "k for k-anonymity").Select(s => (s.Value, s.IsDefault)).Single());
        Assert.Equal(("co@example.test", June(29)), (report.SettingsUpdatedBy, report.SettingsUpdatedAtUtc));
        Assert.Equal("Privacy.KChanged", Assert.Single(report.SettingChanges).Action);
    }

    [Fact]
    public async Task Pseudonymisation_GivesTheCurrentKeysAge_AndCountsRetiredKeysAsRotations()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            db.PrivacySettings.Add(new PrivacySettings { TenantId = admin.TenantId, PseudonymiseEndUserIds = true, PseudonymisedSinceUtc = June(1) });
            db.PseudonymKeys.Add(new PseudonymKey { ProtectedKey = "old", CreatedAtUtc = June(1), RetiredAtUtc = June(20) });
            db.PseudonymKeys.Add(new PseudonymKey { ProtectedKey = "new", CreatedAtUtc = June(20, 12) });
            await db.SaveChangesAsync();
        }

        var state = (await ReportAsync(host)).Pseudonymisation;

        Assert.Equal((true, 10, 1), (state.IsOn, state.KeyAgeDays, state.Rotations));
    }

    [Fact]
    public async Task Budget_CountsOnlyThisMonthsSpend_AgainstTheMonthlyBudget()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            var june = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
            db.PrivacyBudgetLedger.Add(new PrivacyBudgetSpend { SpentAtUtc = June(3), PeriodStartUtc = june, SpentBy = "m@example.test", Query = "size of segment 'Young'", Epsilon = 0.5 });
            db.PrivacyBudgetLedger.Add(new PrivacyBudgetSpend { SpentAtUtc = June(4), PeriodStartUtc = june, SpentBy = "m@example.test", Query = "size of segment 'Old'", Epsilon = 1 });
            db.PrivacyBudgetLedger.Add(new PrivacyBudgetSpend { SpentAtUtc = June(3).AddMonths(-1), PeriodStartUtc = june.AddMonths(-1), SpentBy = "m@example.test", Query = "May", Epsilon = 4 });
            await db.SaveChangesAsync();
        }

        var budget = (await ReportAsync(host)).Budget;

        Assert.Equal((1.5, 10.0, 2), (budget.Spent, budget.Budget, budget.Lines.Count));
    }

    [Fact]
    public async Task KAnonymity_IsThe_Reports_Figures_WhenOneIsRegistered()
    {
        var figures = new KAnonymityFigures(["age band", "postcode"], 5, 7, 12, 100, 4, new Dictionary<string, int> { ["health"] = 2 }, Now);
        var host = await TestHost.StartAsync(s => s.AddSingleton<IKAnonymityReport>(new FakeKAnonymityReport(figures)));
        await using var _h = host;
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");

        var report = await ReportAsync(host);

        Assert.Same(figures, Assert.Single(report.KAnonymity!));
    }
}
