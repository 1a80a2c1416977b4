using Dashboard.Domain.DataSources;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.Privacy;

public sealed class PseudonymisedImportTests
{
    [Fact]
    public async Task AFileImport_WithPseudonymisationOn_StoresNoRawIdNotEvenInTheErrorsOfARejectedRow()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        await PseudonymisationTestKit.TurnOnAsync(host, admin.TenantId);
        var tooLong = "alice-" + new string('x', 130);
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions,
            $"user_id,item_id,event_type,timestamp\nalice,i1,view,2026-06-01 10:00:00\nbob,i2,view,2026-06-01 11:00:00\n{tooLong},i1,view,2026-06-01 12:00:00\n");

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        var interactions = runs.Single(r => r.Dataset == DatasetKind.Interactions);
        Assert.Single(await ErrorsAsync(host, admin.TenantId, interactions.Id));
        Assert.Empty(await PseudonymisationTestKit.TablesContainingAsync(host, "alice"));
        Assert.Empty(await PseudonymisationTestKit.TablesContainingAsync(host, "bob"));
    }
}
