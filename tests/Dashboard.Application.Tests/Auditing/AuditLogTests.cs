using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Auditing;

public sealed class AuditLogTests
{
    [Fact]
    public async Task Record_ForAnApiKey_NamesTheKeyAndNoPerson()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");

        var entry = await RecordAsync(host, CallerContext.ForApiKey(admin.TenantId, "Shop backend"));

        Assert.Equal((null, "API key \"Shop backend\""), (entry.UserId, entry.UserName));
    }

    [Fact]
    public async Task Record_ForAJob_NamesWhoRequestedItAndTheJob()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");

        var entry = await RecordAsync(host, CallerContext.ForJob(admin.TenantId, "Import data source", "ann@example.test", "ManageDataSources"));

        Assert.Equal("ann@example.test via job \"Import data source\"", entry.UserName);
    }

    private static async Task<Dashboard.Domain.Auditing.AuditLogEntry> RecordAsync(TestHost host, CallerContext caller)
    {
        await using (var db = host.CreateTenantContext(caller.TenantId))
        {
            host.Services.GetRequiredService<IAuditLog>().Record(db, caller, "Test", "subject", null, null);
            await db.SaveChangesAsync();
        }

        await using var check = host.CreateTenantContext(caller.TenantId);
        return await check.AuditLog.SingleAsync(a => a.Action == "Test");
    }
}
