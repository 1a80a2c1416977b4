using System.Text;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy.Report;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Privacy;
using PdfSharp.Pdf.IO;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;
using static Dashboard.Application.Tests.Privacy.PrivacyReportSeed;

namespace Dashboard.Application.Tests.Privacy;

public sealed class PrivacyReportExportTests
{
    private static Task<(string FileName, byte[] Content)> CsvAsync(TestHost host) =>
        host.InScopeAsync<PrivacyReportExport, (string, byte[])>(s => s.CsvAsync());

    private static Task<(string FileName, byte[] Content)> PdfAsync(TestHost host) =>
        host.InScopeAsync<PrivacyReportExport, (string, byte[])>(s => s.PdfAsync());

    private static async Task<(TestHost Host, CallerContext Admin)> StartWithConsentAsync(string purpose = ConsentPurpose.Personalisation)
    {
        var (host, admin) = await StartAsync();
        await using var db = host.CreateTenantContext(admin.TenantId);
        var ids = await EndUsersAsync(db, "ann", "bob");
        await ConsentAsync(db, ids["ann"], granted: true, June(10), purpose);
        await ConsentAsync(db, ids["bob"], granted: false, June(12), purpose);
        return (host, admin);
    }

    [Fact]
    public async Task Csv_EscapesAPurposeNamedLikeAFormula()
    {
        var (host, _) = await StartWithConsentAsync("=HYPERLINK(\"http://x\")");
        await using var _h = host;

        var text = Encoding.UTF8.GetString((await CsvAsync(host)).Content);

        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\",1,1,0,50 %", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n=HYPERLINK", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_HasASectionPerMeasure_AndTheSummaryInSentences()
    {
        var (host, _) = await StartWithConsentAsync();
        await using var _h = host;

        var (name, content) = await CsvAsync(host);
        var lines = Encoding.UTF8.GetString(content).Split("\r\n");

        Assert.Equal("privacy-report-2026-06-30.csv", name);
        Assert.Contains("Personalisation consent: 1 of 2 end-users (50 %) have granted it; 1 withdrew it.", lines);
        Assert.Contains("Purpose,Granted,Withdrawn,No record,Share granted", lines);
        Assert.Contains("End-users excluded from training", lines);
        Assert.Contains("Access and erasure requests", lines);
    }

    [Fact]
    public async Task Pdf_IsAPdfThatOpensAgain_NamedForTheOrganisation()
    {
        var (host, _) = await StartWithConsentAsync();
        await using var _h = host;

        var (name, content) = await PdfAsync(host);

        Assert.Equal("privacy-report-2026-06-30.pdf", name);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(content, 0, 4));
        using var pdf = PdfReader.Open(new MemoryStream(content), PdfDocumentOpenMode.Import);
        Assert.Equal("Privacy report — Alpha", pdf.Info.Title);
        Assert.InRange(pdf.PageCount, 1, 3);
    }

    [Fact]
    public async Task Pdf_FlowsALongReceiptListOntoMorePages()
    {
        var (host, admin) = await StartWithConsentAsync();
        await using var _h = host;
        var (_, shortReport) = await PdfAsync(host);
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            for (var i = 0; i < 150; i++)
            {
                db.PrivacyRequests.Add(new PrivacyRequest
                {
                    Reference = $"ER-20260620-{i:X4}", Kind = PrivacyRequestKind.Erasure, ReceivedAtUtc = June(20), CompletedAtUtc = June(20, 10),
                    RequestedBy = "co@example.test", Channel = "API", Found = true, RowsRemovedJson = """{"Interactions":12}""",
                });
            }

            await db.SaveChangesAsync();
        }

        var (_, longReport) = await PdfAsync(host);

        using var before = PdfReader.Open(new MemoryStream(shortReport), PdfDocumentOpenMode.Import);
        using var after = PdfReader.Open(new MemoryStream(longReport), PdfDocumentOpenMode.Import);
        Assert.True(after.PageCount >= before.PageCount + 3, $"{before.PageCount} pages before, {after.PageCount} after");
    }
}
