using System.Globalization;
using Dashboard.Application.Reports;
using Dashboard.Application.Tests.Support;
using Dashboard.Infrastructure.Reports;

namespace Dashboard.Application.Tests.Reports;

public sealed class PdfReportWriterTableTests
{
    private static readonly DateTime At = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    [PdfToTextFact]
    public async Task Table_NeverLeavesItsLastRowAloneOnAPage_WhateverItsLength()
    {
        // About 45 rows fit on the first page: every length around the page break is tried.
        for (var count = 36; count <= 56; count++)
        {
            var table = new ReportTable(["Name", "Value"],
                [.. Enumerable.Range(1, count).Select(i => (IReadOnlyList<string>)[$"Row{i.ToString("00", CultureInfo.InvariantCulture)}", "1.0"])], "No rows.");
            var content = new PdfReportWriter().Write(new ReportDocument("Report", "Alpha", At, [new ReportParagraph("Figures."), table]));

            var pages = (await PdfText.ExtractAsync(content)).Split('\f', StringSplitOptions.RemoveEmptyEntries);
            var rowsPerPage = pages.Select(p => p.Split('\n').Count(l => l.TrimStart().StartsWith("Row", StringComparison.Ordinal))).Where(n => n > 0).ToList();

            Assert.True(rowsPerPage.Sum() == count, $"{count} rows: {string.Join('+', rowsPerPage)}");
            Assert.True(rowsPerPage.Count == 1 || rowsPerPage[^1] >= 2, $"{count} rows laid out as {string.Join('+', rowsPerPage)}");
        }
    }
}
