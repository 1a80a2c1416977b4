using System.Net;
using System.Text;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Domain.Campaigns;
using Dashboard.Web.Endpoints;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class CampaignExportDownloadTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string FileText = "end_user_id,rank,item_id,title,score,recommendation_id,arm\r\nu-1,1,i-1,Boots,0.9,rec_x,A\r\n";

    /// <summary>An e-mail campaign with one finished export (its file in the upload store) in the tenant; returns the download's address.</summary>
    private async Task<string> SeedExportAsync(Guid tenantId)
    {
        var (storedName, size) = (await factory.Services.GetRequiredService<IUploadStore>().SaveAsync(tenantId, new MemoryStream(Encoding.UTF8.GetBytes(FileText)), CancellationToken.None))!.Value;
        var now = DateTime.UtcNow;
        var campaign = new Campaign
        {
            Id = Guid.NewGuid(), Name = $"Mail {Guid.NewGuid():N}"[..20], Channel = CampaignChannel.Email, RulesJson = "{}", ListSize = 1,
            StartsAtUtc = now, State = CampaignState.Running, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        var export = new CampaignExport
        {
            Id = Guid.NewGuid(), CampaignId = campaign.Id, StoredName = storedName, EndUserCount = 1, RowCount = 1, SizeBytes = size, SnapshotAtUtc = now, CreatedAtUtc = now,
        };
        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        db.Campaigns.Add(campaign);
        db.CampaignExports.Add(export);
        await db.SaveChangesAsync();
        return CampaignExportEndpoints.CsvUrl(campaign.Id, export.Id);
    }

    [Fact]
    public async Task Marketer_DownloadsTheExportsFile()
    {
        var url = await SeedExportAsync(await ApiKeys.TenantIdAsync(factory, "Demo Retail"));
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^campaign-mail-[0-9a-f]+-\d{8}-\d{4}\.csv$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(FileText, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ComplianceOfficer_IsRefused_TheFileHoldsEndUserIds()
    {
        var url = await SeedExportAsync(await ApiKeys.TenantIdAsync(factory, "Demo Retail"));
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTenantsExport_IsNotFound()
    {
        var other = await ApiKeys.RegisterOrganisationAsync(factory, $"Other {Guid.NewGuid():N}", $"{Guid.NewGuid():N}@example.test");
        var url = await SeedExportAsync(other);
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var url = await SeedExportAsync(await ApiKeys.TenantIdAsync(factory, "Demo Retail"));
        using var client = SignIn.CreateClient(factory);

        var response = await client.GetAsync(url);

        Assert.Equal((HttpStatusCode.Found, "/Account/Login"), (response.StatusCode, response.Headers.Location!.AbsolutePath));
    }
}
