using System.Text;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.Fairness.Report;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;
using Dashboard.Domain.Identity;
using Dashboard.Tests.Shared;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.Fairness;

public sealed class BiasAuditReportTests
{
    private const string BlockingSentence =
        "Blocking failure. End-users in region North receive Electronics in 0 % of their slots against 50 % for the others: ratio 0.00, below the 0.8 threshold — blocking (4 end-users against 4).";

    private static async Task<(TestHost Host, CallerContext Admin, Guid AuditId)> StartWithAuditAsync(
        string role = Roles.ComplianceOfficer, ReleaseReview review = ReleaseReview.AwaitingReview, string? reviewedBy = null, string? justification = null,
        bool withOutcomes = false)
    {
        var (host, admin) = await StartAsync();
        await using var db = host.CreateTenantContext(admin.TenantId);
        var (_, _, auditId) = await BiasAuditSample.SeedAsync(db, review: review, reviewedBy: reviewedBy, justification: justification, withOutcomes: withOutcomes);
        host.CurrentUser.Caller = TestHost.As(admin, role);
        return (host, admin, auditId);
    }

    private static async Task<string[]> CsvLinesAsync(TestHost host, Guid auditId)
    {
        var (_, content) = await host.InScopeAsync<BiasAuditReportExport, (string, byte[])>(s => s.CsvAsync(auditId));
        return Encoding.UTF8.GetString(content).TrimStart('\uFEFF').Split("\r\n");
    }

    private static Task<(string FileName, byte[] Content)> PdfAsync(TestHost host, Guid auditId) =>
        host.InScopeAsync<BiasAuditReportExport, (string, byte[])>(s => s.PdfAsync(auditId));

    [Fact]
    public async Task Csv_ListsBlockingFailuresFirst_ThenFailuresThatDoNotBlock()
    {
        var (host, _, auditId) = await StartWithAuditAsync();
        await using var _h = host;

        var lines = (await CsvLinesAsync(host, auditId)).ToList();

        var blocking = lines.IndexOf(CsvCells.Line(BlockingSentence));
        var calibration = lines.FindIndex(l => l.StartsWith("\"Failure. End-users in region South have a mean calibration KL divergence of 0.683, above the 0.5 maximum", StringComparison.Ordinal));
        Assert.True(blocking >= 0 && calibration > blocking, $"blocking at {blocking}, calibration at {calibration}");
        Assert.DoesNotContain(lines.Skip(calibration), l => l.StartsWith("\"Blocking failure.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_GivesEachGroupsFiguresWithItsExactSize_ToAComplianceOfficer()
    {
        var (host, _, auditId) = await StartWithAuditAsync();
        await using var _h = host;

        var lines = await CsvLinesAsync(host, auditId);

        Assert.Contains("Group,End-users,P@10,Recall@10,NDCG@10,NDCG@10 ratio,Verdict", lines);
        Assert.Contains("North,4,0.100,1.000,0.631,0.63,Fail (blocking)", lines);
        Assert.Contains("South,4,0.100,1.000,1.000,1.00,Pass", lines);
    }

    [Fact]
    public async Task Csv_GivesAMarketerSizeBands_InTablesAndSentences()
    {
        var (host, _, auditId) = await StartWithAuditAsync(Roles.Marketer);
        await using var _h = host;

        var lines = await CsvLinesAsync(host, auditId);

        Assert.Contains("North,fewer than 30,0.100,1.000,0.631,0.63,Fail (blocking)", lines);
        Assert.Contains(CsvCells.Line(BlockingSentence.Replace("(4 end-users against 4)", "(fewer than 30 end-users against fewer than 30)", StringComparison.Ordinal)), lines);
        Assert.DoesNotContain(lines, l => l.Contains("(4 end-users", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_GivesAMarketerNeitherExactSharesOfSlotsNorTheExactTotal_ThatTogetherGiveGroupSizesBack()
    {
        var (host, _, auditId) = await StartWithAuditAsync(Roles.Marketer);
        await using var _h = host;

        var lines = await CsvLinesAsync(host, auditId);

        Assert.Contains(lines, l => l.StartsWith("North,fewer than 30,about 50 %,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("North,fewer than 30,50", StringComparison.Ordinal));
        Assert.Contains("Evaluated end-users,fewer than 30", lines);
        Assert.Contains(lines, l => l.Contains("over fewer than 30 evaluated end-users and the attributes region", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("8 evaluated end-users", StringComparison.Ordinal) || l == "Evaluated end-users,8");
    }

    [Fact]
    public async Task Csv_GivesAComplianceOfficerExactSharesOfSlotsAndTheExactTotal()
    {
        var (host, _, auditId) = await StartWithAuditAsync();
        await using var _h = host;

        var lines = await CsvLinesAsync(host, auditId);

        Assert.Contains(lines, l => l.StartsWith("North,4,50.0 %,", StringComparison.Ordinal));
        Assert.Contains("Evaluated end-users,8", lines);
        Assert.Contains(lines, l => l.Contains("over 8 evaluated end-users and the attributes region", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_ExplainsBothWarningRules_AnIntervalAcrossABoundAndAPassNearIt()
    {
        var (host, _, auditId) = await StartWithAuditAsync();
        await using var _h = host;

        var text = string.Join('\n', await CsvLinesAsync(host, auditId));

        Assert.Contains("when its 95 % confidence interval reaches across a bound, whatever the figure itself", text, StringComparison.Ordinal);
        Assert.Contains("when it passes but lies within 5 % of a bound", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_GivesMeanPopularityAndGroupSharesToOneDecimal_AsTheAuditPageDoes()
    {
        var (host, _, auditId) = await StartWithAuditAsync();
        await using var _h = host;

        var lines = await CsvLinesAsync(host, auditId);

        Assert.Contains(lines, l => l.StartsWith("North,4,50.0 %,50.0 %,8.0,50.0 %,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Mean popularity of the recommended items (ARP),", StringComparison.Ordinal) && l.Split(',')[1].Split('.')[1].Length == 1);
    }

    [Fact]
    public async Task Csv_ChartsABlockingOutcomeRateFailure_WithEachGroupsEndUsersWithFunnelEvents()
    {
        var (host, _, auditId) = await StartWithAuditAsync(withOutcomes: true);
        await using var _h = host;

        var lines = (await CsvLinesAsync(host, auditId)).ToList();

        var chart = lines.IndexOf(CsvCells.Line("purchase per add_to_cart in Electronics in the training data, each group's rate over the best group's (end-users with funnel events)"));
        Assert.True(chart >= 0, "no outcome-rate chart");
        Assert.Equal([",Outcome-rate ratio,0.8 threshold", "North (4 end-users),0.00,0.80", "South (4 end-users),1.00,0.80"], lines.Skip(chart + 1).Take(3));
    }

    [PdfToTextFact]
    public async Task Pdf_DrawsTheOutcomeRateChart_LabelledWithEachGroupsEndUsersWithFunnelEvents()
    {
        var (host, _, auditId) = await StartWithAuditAsync(withOutcomes: true);
        await using var _h = host;

        var text = await PdfText.ExtractAsync((await PdfAsync(host, auditId)).Content);
        var words = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains("purchase per add_to_cart in Electronics in the training data, each group's rate over the best group's", words, StringComparison.Ordinal);
        Assert.Contains("North (4 end-users) 0.00", words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_WritesTheChartsAsTablesWithTheirThreshold()
    {
        var (host, _, auditId) = await StartWithAuditAsync();
        await using var _h = host;

        var lines = (await CsvLinesAsync(host, auditId)).ToList();

        var quality = lines.IndexOf("NDCG@10 of each group over the best group's");
        Assert.Equal([",NDCG@10 ratio,0.8 threshold", "North,0.63,0.80", "South,1.00,0.80"], lines.Skip(quality + 1).Take(3));
        var exposure = lines.IndexOf("Share of Electronics in each group's slots over the other groups' share (the category with the lowest ratio)");
        Assert.Equal([",Exposure ratio,0.8 threshold (four-fifths rule at 0.8)", "North,0.00,0.80"], lines.Skip(exposure + 1).Take(2));
    }

    [Fact]
    public async Task Csv_GivesTheThresholdsTheAuditWasJudgedBy_NotTodays()
    {
        var (host, admin, auditId) = await StartWithAuditAsync();
        await using var _h = host;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            db.FairnessSettings.Add(new FairnessSettings { RatioLower = 0.7, RatioBlocking = false });
            await db.SaveChangesAsync();
        }

        var lines = await CsvLinesAsync(host, auditId);

        Assert.Contains("Quality and outcome-rate ratio to the best group,0.8,1.25,yes", lines);
    }

    [Fact]
    public async Task Csv_SaysTheVersionWaitsForAComplianceOfficer_WhileNobodyDecided()
    {
        var (host, _, auditId) = await StartWithAuditAsync();
        await using var _h = host;

        var lines = await CsvLinesAsync(host, auditId);

        Assert.Contains(CsvCells.Line("Waits for a compliance officer: nobody has approved or rejected this version yet, and it cannot go live until then."), lines);
    }

    [Fact]
    public async Task Csv_GivesTheSignOff_WhoWhenAndWhy()
    {
        var (host, _, auditId) = await StartWithAuditAsync(
            review: ReleaseReview.Approved, reviewedBy: "co@example.test", justification: "North's catalogue lacks Electronics stock until July.");
        await using var _h = host;

        var text = string.Join("\n", await CsvLinesAsync(host, auditId));

        Assert.Contains("Approved by co@example.test on 2026-06-21 08:30 UTC, with the justification: “North's catalogue lacks Electronics stock until July.”", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OfAnotherTenantsAudit_IsNotFound()
    {
        var (host, admin) = await StartAsync();
        await using var _h = host;
        var beta = await host.RegisterOrganisationAsync("Beta", "beta@example.test");
        Guid betaAudit;
        await using (var db = host.CreateTenantContext(beta.TenantId))
        {
            (_, _, betaAudit) = await BiasAuditSample.SeedAsync(db);
        }

        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<NotFoundException>(() => host.InScopeAsync<BiasAuditReportService, BiasAuditReport>(s => s.GetAsync(betaAudit)));
    }

    [Theory]
    [InlineData("Everyday picks", "bias-audit-everyday-picks-v3-20260620")]
    [InlineData("Spring/Summer: “Best” ../../x", "bias-audit-spring-summer-best-x-v3-20260620")]
    [InlineData("“…”", "bias-audit-blend-v3-20260620")]
    public void FileStem_KeepsOnlyLettersDigitsAndDashes(string blend, string expected) =>
        Assert.Equal(expected, BiasAuditReportService.FileStem(blend, 3, BiasAuditSample.AuditedAtUtc));

    [Fact]
    public async Task Pdf_IsAPdfThatOpensAgain_NamedForTheBlendVersionAndDay()
    {
        var (host, _, auditId) = await StartWithAuditAsync();
        await using var _h = host;

        var (name, content) = await PdfAsync(host, auditId);

        Assert.Equal("bias-audit-everyday-picks-v3-20260620.pdf", name);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(content, 0, 4));
        using var pdf = PdfReader.Open(new MemoryStream(content), PdfDocumentOpenMode.Import);
        Assert.Equal("Bias audit: Everyday picks, version 3 — Alpha", pdf.Info.Title);
        Assert.InRange(pdf.PageCount, 2, 6);
    }

    [Fact]
    public async Task Pdf_DrawsEachChartsThresholdAsADashedLine()
    {
        var (host, _, auditId) = await StartWithAuditAsync();
        await using var _h = host;

        var (_, content) = await PdfAsync(host, auditId);

        using var pdf = PdfReader.Open(new MemoryStream(content), PdfDocumentOpenMode.Modify);
        var dashed = pdf.Pages.Cast<PdfSharp.Pdf.PdfPage>()
            .SelectMany(page => ContentReader.ReadContent(page).OfType<COperator>())
            .Count(op => op.OpCode.Name == "d" && op.Operands.Count > 0 && op.Operands[0] is CArray { Count: > 0 });
        // Two charts (quality, exposure); PDFsharp may set the dash once for a chart's line and its legend sample.
        Assert.True(dashed >= 2, $"{dashed} dashed strokes");
    }

    [PdfToTextFact]
    public async Task Pdf_ReadsTheBlockingFindingTheGroupsFiguresAndTheSignOff()
    {
        var (host, _, auditId) = await StartWithAuditAsync();
        await using var _h = host;

        var text = await PdfText.ExtractAsync((await PdfAsync(host, auditId)).Content);
        var words = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains("Blocking failure. End-users in region North receive Electronics in 0 % of their slots", words, StringComparison.Ordinal);
        Assert.Contains("North 4 0.100 1.000 0.631 0.63 Fail (blocking)", words, StringComparison.Ordinal);
        Assert.Contains("Waits for a compliance officer", words, StringComparison.Ordinal);
        Assert.Contains("0.8 threshold", words, StringComparison.Ordinal);
    }
}
