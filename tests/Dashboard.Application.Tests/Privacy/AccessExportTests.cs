using System.Text;
using System.Text.Json;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Access;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Application.Tests.Privacy.ErasureTestKit;

namespace Dashboard.Application.Tests.Privacy;

public sealed class AccessExportTests
{
    private static Task<EndUserExport> ExportAsync(TestHost host, string id) =>
        host.InScopeAsync<EndUserExportService, EndUserExport>(s => s.ExportAsync(id, PrivacyRequests.PageChannel));

    [Fact]
    public async Task Export_HoldsEverythingStoredAboutTheEndUser()
    {
        var (host, officer, _) = await StartAsync();
        await using var _ = host;
        long interactions;
        await using (var db = host.CreateTenantContext(officer.TenantId))
        {
            interactions = await db.Interactions.LongCountAsync(i => i.EndUser!.ExternalId == EndUserId);
        }

        var export = await ExportAsync(host, EndUserId);

        // Four consent records: the sample data's two grants at the end-user's first event and the kit's two.
        Assert.Equal((true, EndUserId, interactions, 4, 1, 1),
            (export.Found, export.EndUserId, (long)export.Interactions.Count, export.Consents.Count, export.RecommendationFeedback.Count, export.RecommendationsServed.Count));
        Assert.Contains(export.Attributes, a => a is { Key: "health", Sensitive: true, Value: "=cmd|' /C calc'!A0" });
        Assert.Contains(export.Consents, c => c is { Purpose: ConsentPurpose.Personalisation, Granted: true, Source: "web banner", NoticeVersion: "v2", ProofReference: "form-991" });
    }

    [Fact]
    public async Task Export_AsJson_NamesEverySectionInSnakeCase()
    {
        var (host, _, _) = await StartAsync();
        await using var _ = host;

        var export = await ExportAsync(host, EndUserId);

        using var json = JsonDocument.Parse(EndUserExportFormats.ToJson(export));

        var root = json.RootElement;
        Assert.Equal((EndUserId, export.Attributes.Count, 4, 1),
            (root.GetProperty("end_user_id").GetString(), root.GetProperty("attributes").GetArrayLength(), root.GetProperty("consents").GetArrayLength(),
                root.GetProperty("recommendations_served").GetArrayLength()));
    }

    [Fact]
    public async Task Export_AsJson_WritesEveryTimeAsUtcWithItsZone()
    {
        var (host, _, _) = await StartAsync();
        await using var _ = host;

        var export = await ExportAsync(host, EndUserId);

        using var json = JsonDocument.Parse(EndUserExportFormats.ToJson(export));
        var root = json.RootElement;
        var times = new[]
        {
            root.GetProperty("first_seen_utc").GetString(),
            root.GetProperty("interactions")[0].GetProperty("occurred_at_utc").GetString(),
            root.GetProperty("consents")[0].GetProperty("recorded_at_utc").GetString(),
        };
        Assert.All(times, t => Assert.EndsWith("Z", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_AsCsv_HasARowPerFactAndNeutralisesFormulaCells()
    {
        var (host, _, _) = await StartAsync();
        await using var _ = host;
        var export = await ExportAsync(host, EndUserId);

        var lines = Encoding.UTF8.GetString(EndUserExportFormats.ToCsv(export)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("section,name,value,when_utc,details", lines[0]);
        Assert.Contains("attribute,health,'=cmd|' /C calc'!A0,,sensitive", lines);
        Assert.Equal(2 + export.Attributes.Count + export.Interactions.Count + export.Consents.Count + export.RecommendationFeedback.Count + export.RecommendationsServed.Count + 1, lines.Length);
    }

    [Fact]
    public async Task Export_OfAnIdOnlyAnotherOrganisationHolds_IsTheSameEmptyExportAsForAnIdNobodyHolds()
    {
        var (host, _, _) = await StartAsync(train: false);
        await using var _ = host;
        host.CurrentUser.Caller = TestHost.As(await host.RegisterOrganisationAsync("Beta", "beta@example.test"), Roles.ComplianceOfficer);

        var elsewhere = await ExportAsync(host, EndUserId);
        var nowhere = await ExportAsync(host, "nobody-anywhere");

        static string Shape(EndUserExport e) => JsonSerializer.Serialize(e with { Reference = "R", GeneratedAtUtc = default });
        Assert.Equal((false, Shape(nowhere)), (elsewhere.Found, Shape(elsewhere)));
    }

    [Fact]
    public async Task Export_LeavesAnAccessReceiptWithoutTheId()
    {
        var (host, officer, _) = await StartAsync(train: false);
        await using var _ = host;

        var export = await ExportAsync(host, EndUserId);

        await using var db = host.CreateTenantContext(officer.TenantId);
        var receipt = await db.PrivacyRequests.AsNoTracking().SingleAsync();
        Assert.Equal((PrivacyRequestKind.Access, export.Reference, true, true, false),
            (receipt.Kind, receipt.Reference, receipt.Found, receipt.CompletedAtUtc is not null, JsonSerializer.Serialize(receipt).Contains(EndUserId, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Export_AsMarketer_IsRefused()
    {
        var (host, officer, _) = await StartAsync(train: false);
        await using var _ = host;
        host.CurrentUser.Caller = TestHost.As(officer, Roles.Marketer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => ExportAsync(host, EndUserId));
    }
}
