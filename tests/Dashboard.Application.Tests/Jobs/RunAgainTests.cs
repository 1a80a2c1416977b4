using Dashboard.Domain.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.Jobs;

public sealed class RunAgainTests
{
    private static readonly SampleDataOptions Small = new() { Users = 50, Items = 20, Interactions = 1_000, Seed = 7 };

    [Fact]
    public async Task RunAgain_IsAuditedWithThePersonsName()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        var first = await host.QueueJobAsync(admin.TenantId, Small, "system (demo set-up)");
        host.CurrentUser.Caller = admin;

        await host.InScopeAsync<JobService, Guid>(j => j.RunAgainAsync(first));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(a => a.Action == "Job run again");
        Assert.Equal((admin.UserId, admin.UserName, "Generate sample data"), (entry.UserId, entry.UserName, entry.Subject));
    }

    [Fact]
    public async Task RunAgain_OfARekeyPseudonymsRun_IsNotOfferedAndIsRefused()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        var rekey = await host.QueueJobAsync(admin.TenantId, new RekeyPseudonymsParameters(RekeyReason.TurnOn), "system (test)");
        host.CurrentUser.Caller = admin;

        var kinds = await host.InScopeAsync<JobService, IReadOnlySet<JobKind>>(j => j.RerunnableKindsAsync());
        await Assert.ThrowsAsync<System.ComponentModel.DataAnnotations.ValidationException>(
            () => host.InScopeAsync<JobService, Guid>(j => j.RunAgainAsync(rekey)));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((false, true, 1),
            (kinds.Contains(JobKind.RekeyPseudonyms), kinds.Contains(JobKind.GenerateSampleData), await db.JobRuns.CountAsync(j => j.Kind == JobKind.RekeyPseudonyms)));
    }

    [Fact]
    public async Task RunAgain_RecordsThePersonAsTheRequesterOfTheNewRun()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        var first = await host.QueueJobAsync(admin.TenantId, Small, "system (demo set-up)");
        host.CurrentUser.Caller = admin;

        var again = await host.InScopeAsync<JobService, Guid>(j => j.RunAgainAsync(first));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(admin.UserName, (await db.JobRuns.SingleAsync(j => j.Id == again)).RequestedBy);
    }

    [Fact]
    public async Task RunAgain_OfAnImport_NamesThePersonOnItsImportsAndAuditsTheImportAsTheJobForThem()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);
        var (_, job) = await ImportAsync(host, admin.TenantId, id);
        var marketer = admin with { UserId = "marketer-id", UserName = "marketer@example.test", Roles = new HashSet<string> { Roles.Marketer } };
        host.CurrentUser.Caller = marketer;

        var again = await host.InScopeAsync<JobService, Guid>(j => j.RunAgainAsync(job.Id));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobRunExecutor>().ExecuteAsync(admin.TenantId, again, CancellationToken.None);
        }

        await using var db = host.CreateTenantContext(admin.TenantId);
        var imports = await db.ImportRuns.Where(r => r.JobRunId == again).ToListAsync();
        var audited = await db.AuditLog.Where(a => a.Action == AuditActions.ImportFinished).OrderBy(a => a.Id).Select(a => a.UserName).LastAsync();
        Assert.Equal(
            (ImportState.Succeeded, "marketer@example.test", "marketer@example.test via job \"Import data source\""),
            (imports.Single().State, imports.Single().RequestedBy, audited));
    }
}
