using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.ConsentsApi;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Application.Tests.Privacy.ConsentTestKit;

namespace Dashboard.Application.Tests.Privacy;

public sealed class ConsentServiceTests
{
    private static async Task<(TestHost Host, CallerContext Admin)> StartAsync()
    {
        var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        return (host, admin);
    }

    [Fact]
    public async Task Marketer_CannotAddAPurpose()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<ConsentService, Result>(s => s.AddPurposeAsync("Loyalty programme", null)));
    }

    [Fact]
    public async Task Marketer_CannotChangeWhatNoRecordMeans()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<ConsentService, bool>(async s => { await s.SetNoRecordMeansConsentedAsync(true); return true; }));
    }

    [Fact]
    public async Task ComplianceOfficer_AddsAPurpose_ThatIsListedAuditedAndAcceptedInConsentRecords()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        var result = await host.InScopeAsync<ConsentService, Result>(s => s.AddPurposeAsync("  Loyalty programme ", "Points and member offers."));
        var purposes = await host.InScopeAsync<ConsentService, IReadOnlyList<ConsentPurposeView>>(s => s.PurposesAsync());
        await RecordAsync(host, admin.TenantId, Input("u1", "LOYALTY PROGRAMME", "yes", June1));
        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.ConsentPurposeAdded);
        var stored = await db.ConsentRecords.Select(c => c.Purpose).SingleAsync();

        Assert.Equal((true, 4, "Loyalty programme", "Added the consent purpose “Loyalty programme”.", "Loyalty programme"),
            (result.Succeeded, purposes.Count, purposes[3].Name, AuditSentence.Describe(entry), stored));
    }

    [Fact]
    public async Task AddPurpose_WithTheNameOfABuiltInOneInAnotherCase_IsRefused()
    {
        var (host, _) = await StartAsync();
        await using var __ = host;

        var result = await host.InScopeAsync<ConsentService, Result>(s => s.AddPurposeAsync("personalisation", null));

        Assert.Equal("The organisation already has the purpose “Personalisation”.", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task ChangingWhatNoRecordMeans_IsAuditedWithBeforeAndAfter()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;

        await host.InScopeAsync<ConsentService, bool>(async s => { await s.SetNoRecordMeansConsentedAsync(true); return true; });

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.NoRecordMeansConsentedChanged);
        Assert.Equal(("Not consented", "Consented", "Changed what an end-user with no consent record means from “not consented” to “consented”."),
            (entry.Before, entry.After, AuditSentence.Describe(entry)));
    }

    [Fact]
    public async Task Coverage_CountsGrantedWithdrawnAndNoRecordPerPurpose_FromEachEndUsersLatestRecord()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        await RecordAsync(host, admin.TenantId,
            Input("u1", "Personalisation", "granted", June1),
            Input("u2", "Personalisation", "granted", June1),
            Input("u2", "Personalisation", "withdrawn", June1.AddDays(1)),
            Input("u3", "Analytics", "granted", June1));

        var coverage = await host.InScopeAsync<ConsentService, IReadOnlyList<ConsentCoverage>>(s => s.CoverageAsync());

        var personalisation = coverage.Single(c => c.Purpose == "Personalisation");
        Assert.Equal((1, 1, 1, 1), (personalisation.Granted, personalisation.Withdrawn, personalisation.NoRecord, personalisation.Allowed));
    }
}
