using System.Text;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.Auditing;

public sealed class AuditLogServiceTests
{
    private static async Task AddAsync(TestHost host, Guid tenantId, DateTime at, string who, string action, string subject, string? after = null)
    {
        await using var db = host.CreateTenantContext(tenantId);
        db.AuditLog.Add(new AuditLogEntry { TenantId = tenantId, AtUtc = at, UserName = who, Action = action, Subject = subject, After = after });
        await db.SaveChangesAsync();
    }

    private static Task<(IReadOnlyList<AuditLogRow> Rows, int Total)> ListAsync(TestHost host, AuditLogQuery query) =>
        host.InScopeAsync<AuditLogService, (IReadOnlyList<AuditLogRow>, int)>(s => s.ListAsync(query, 0, 100));

    private static async Task<(TestHost Host, CallerContext Admin)> StartWithEntriesAsync()
    {
        var (host, admin) = await StartAsync();
        var day = new DateTime(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc);
        await AddAsync(host, admin.TenantId, day, "ana@example.test", AuditActions.ApiKeyCreated, "Shop (dk_ab…)");
        await AddAsync(host, admin.TenantId, day.AddDays(1), "bo@example.test", AuditActions.ApiKeyRevoked, "Shop (dk_ab…)");
        await AddAsync(host, admin.TenantId, day.AddDays(2), "ana@example.test", AuditActions.DataSourceDeleted, "Orchard feed");
        return (host, admin);
    }

    [Fact]
    public async Task List_ByPerson_KeepsOnlyThatPersonsEntries()
    {
        var (host, _) = await StartWithEntriesAsync();
        await using var _h = host;

        var (rows, total) = await ListAsync(host, new AuditLogQuery(Person: "bo@example.test"));

        Assert.Equal(1, total);
        Assert.Equal("Revoked the API key Shop (dk_ab…); calls with it are refused from now on.", Assert.Single(rows).Sentence);
    }

    [Fact]
    public async Task List_ByActionType_KeepsOnlyThatAction()
    {
        var (host, _) = await StartWithEntriesAsync();
        await using var _h = host;

        var (rows, _) = await ListAsync(host, new AuditLogQuery(Action: AuditActions.DataSourceDeleted));

        Assert.Equal("Orchard feed", Assert.Single(rows).Subject);
    }

    [Fact]
    public async Task List_ByDateRange_IncludesBothEndDays()
    {
        var (host, _) = await StartWithEntriesAsync();
        await using var _h = host;

        var (rows, _) = await ListAsync(host, new AuditLogQuery(From: new DateOnly(2026, 6, 11), To: new DateOnly(2026, 6, 12)));

        Assert.Equal([AuditActions.DataSourceDeleted, AuditActions.ApiKeyRevoked], rows.Select(r => r.Action));
    }

    [Fact]
    public async Task List_BySearchText_MatchesTheSubjectWithoutRegardToCase()
    {
        var (host, _) = await StartWithEntriesAsync();
        await using var _h = host;

        var (rows, _) = await ListAsync(host, new AuditLogQuery(Search: "orchard"));

        Assert.Equal("Orchard feed", Assert.Single(rows).Subject);
    }

    [Fact]
    public async Task List_CalledByAMarketer_IsRefused()
    {
        var (host, admin) = await StartWithEntriesAsync();
        await using var _h = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => ListAsync(host, new AuditLogQuery()));
    }

    [Fact]
    public async Task ExportCsv_EscapesCellsThatASpreadsheetWouldRunAsFormulas()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        await AddAsync(host, admin.TenantId, new DateTime(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc), "=HYPERLINK(\"x\")", AuditActions.ApiKeyCreated, "+cmd|' /C calc'!A0");

        var (_, content) = await host.InScopeAsync<AuditLogService, (string, byte[])>(s => s.ExportCsvAsync(new AuditLogQuery()));
        var text = Encoding.UTF8.GetString(content);

        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", text, StringComparison.Ordinal);
        Assert.Contains("'+cmd|' /C calc'!A0", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_GivesComplianceDecisionsInWords_WithAFormulaLikeBlendNameEscaped()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var day = new DateTime(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc);
        await AddAsync(host, admin.TenantId, day, "co@example.test", AuditActions.ModelVersionHeldForReview, "Everyday picks",
            AuditFields.Write(("Version", "version 3"), ("Findings", "3 blocking failures")));
        await AddAsync(host, admin.TenantId, day.AddHours(1), "co@example.test", AuditActions.ModelVersionRejected, "=Everyday picks",
            AuditFields.Write(("Version", "version 3"), ("Justification", "North is served far worse.")));

        var (_, content) = await host.InScopeAsync<AuditLogService, (string, byte[])>(s => s.ExportCsvAsync(new AuditLogQuery(Person: "co@example.test")));
        var lines = Encoding.UTF8.GetString(content).TrimEnd().Split("\r\n");

        Assert.Equal(
            "2026-06-10 10:00 UTC,co@example.test,Model version rejected by compliance,\"Rejected version 3 of the blend “=Everyday picks”; it can never go live, "
            + "because: “North is served far worse.”\",'=Everyday picks,,Version: version 3; Justification: North is served far worse.",
            lines[1]);
        Assert.StartsWith("2026-06-10 09:00 UTC,co@example.test,Model version held for compliance review,Held version 3 of the blend “Everyday picks” for a compliance officer's review: its bias audit found 3 blocking failures.", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsv_HoldsOnlyTheFilteredEntriesWithTheirSentence()
    {
        var (host, _) = await StartWithEntriesAsync();
        await using var _h = host;

        var (_, content) = await host.InScopeAsync<AuditLogService, (string, byte[])>(s => s.ExportCsvAsync(new AuditLogQuery(Person: "bo@example.test")));
        var lines = Encoding.UTF8.GetString(content).TrimEnd().Split("\r\n");

        Assert.Equal(2, lines.Length);
        Assert.StartsWith("2026-06-11 09:00 UTC,bo@example.test,API key revoked,Revoked the API key", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ThatSucceeds_RecordsRowsWrittenAndRejectedCreditedToTheJobAndItsRequester()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions + "u3,,view,,2026-06-01 10:00:00\n");

        await ImportAsync(host, admin.TenantId, id);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.ImportFinished);
        Assert.Equal($"{admin.UserName} via job \"Import data source\"", entry.UserName);
        Assert.Equal("The import of “Shop export” finished: 3 rows written, 1 rejected.", AuditSentence.Describe(entry));
    }

    [Fact]
    public async Task Import_ThatIsRejected_RecordsThatNothingChanged()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Strict", BadRows = BadRowPolicy.RejectFileOnErrors, MaxErrors = 1 });
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions + "u3,,view,,2026-06-01 10:00:00\n");

        await ImportAsync(host, admin.TenantId, id);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.ImportFinished);
        Assert.StartsWith("The import of “Strict” was rejected and nothing was changed.", AuditSentence.Describe(entry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataSourceChange_IsRecordedInTheEditorsWordsNotOptionNames()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var id = await CreateSourceAsync(host);

        var result = await host.InScopeAsync<DataSourceService, Result>(s => s.UpdateAsync(id, new DataSourceInput { Name = "Shop export", BadRows = BadRowPolicy.RejectFileOnErrors }));

        Assert.True(result.Succeeded);
        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.DataSourceUpdated);
        Assert.Equal("Changed the data source “Shop export”: bad rows from Skip bad rows to Reject the file.", AuditSentence.Describe(entry));
    }

    [Fact]
    public async Task DemoSetUp_CreditsTheRegistrationToTheAppNotAPerson()
    {
        await using var host = await TestHost.StartAsync(s => s.Configure<Dashboard.Infrastructure.Demo.DemoOptions>(o => o.Enabled = true));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Dashboard.Infrastructure.Demo.DemoSeeder>().SeedAsync();
        }

        await using var db = host.CreateUnboundContext();
        var entry = await db.AuditLog.IgnoreQueryFilters().SingleAsync(a => a.Action == AuditActions.OrganisationRegistered);
        Assert.Equal("the app (demo set-up)", entry.UserName);
        Assert.Null(entry.UserId);
    }
}
