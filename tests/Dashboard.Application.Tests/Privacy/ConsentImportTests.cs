using Dashboard.Application.DataSources;
using Dashboard.Application.Privacy;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.Privacy;

public sealed class ConsentImportTests
{
    private const string Header = "user_id,purpose,state,occurred_at,source,notice_version,proof_reference\n";

    [Fact]
    public async Task ConsentFile_WithARowNamingAnUnknownPurpose_ImportsNothing_AndTheRowErrorNamesThePurpose()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Consent export", BadRows = BadRowPolicy.RejectFileOnErrors });
        await UploadAsync(host, id, DatasetKind.Consents, Header +
            "u1,Personalisation,granted,2026-06-01 10:00:00,web banner,2026-01,form-1\n" +
            "u2,Newsletter,granted,2026-06-01 10:00:00,web banner,,\n");

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        var errors = await ErrorsAsync(host, admin.TenantId, runs[0].Id);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((ImportState.Rejected, 3, "purpose", true, 0, 0),
            (runs[0].State, errors[0].Line, errors[0].Column, errors[0].Reason.Contains("\"Newsletter\"", StringComparison.Ordinal),
                await db.ConsentRecords.CountAsync(), await db.EndUsers.CountAsync()));
    }

    [Fact]
    public async Task ConsentFile_IsAppendedEvenInReplaceMode_SoTheHistoryIsKept_AndTheLatestByTimeCounts()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Consent export", Mode = ImportMode.Replace });
        await UploadAsync(host, id, DatasetKind.Consents, Header + "u1,Personalisation,granted,2026-06-01 10:00:00,,,\n");
        await ImportAsync(host, admin.TenantId, id);
        await UploadAsync(host, id, DatasetKind.Consents, Header + "u1,personalisation,withdrawn,2026-06-02 10:00:00,,,\n");

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var sources = await db.ConsentRecords.OrderBy(c => c.OccurredAtUtc).Select(c => c.Source).ToListAsync();
        var allowed = await host.Services.GetRequiredService<IConsentGate>().EndUsersAllowedAsync(admin.TenantId, ConsentPurpose.Personalisation, host.Time.GetUtcNow().UtcDateTime, CancellationToken.None);
        var user = await db.EndUsers.Select(u => u.Id).SingleAsync();
        Assert.Equal((ImportState.Succeeded, 2, "file import", false), (runs[0].State, sources.Count, sources[0], allowed.Allows(user)));
    }
}
