using System.Globalization;
using System.Text;
using Dashboard.Application.Reports;
using Dashboard.Infrastructure.Reports;
using PdfSharp.Pdf.IO;

namespace Dashboard.Application.Tests.Reports;

public sealed class PdfReportWriterBarChartTests
{
    private static readonly DateTime At = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    private static ReportBarChart Chart(int categories, int series = 1) => new(
        "Ratio per group",
        [.. Enumerable.Range(0, categories).Select(i => $"Group {i.ToString(CultureInfo.InvariantCulture)}")],
        [.. Enumerable.Range(0, series).Select(s => new ReportSeries($"Series {s}", [.. Enumerable.Range(0, categories).Select(i => i % 7 == 3 ? double.NaN : (i % 10) / 8.0)]))],
        0.8,
        "0.8 threshold");

    private static int Pages(params ReportBlock[] blocks)
    {
        var content = new PdfReportWriter().Write(new ReportDocument("Report", "Alpha", At, blocks));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(content, 0, 4));
        using var pdf = PdfReader.Open(new MemoryStream(content), PdfDocumentOpenMode.Import);
        return pdf.PageCount;
    }

    [Fact]
    public void BarChart_WithAFewGroups_FitsOnOnePage()
    {
        Assert.Equal(1, Pages(Chart(5)));
    }

    [Fact]
    public void BarChart_TallerThanAPage_ContinuesOnTheNextPages()
    {
        // Two series of 120 groups: 23 pt a row, about 31 rows a page.
        Assert.InRange(Pages(Chart(120, series: 2)), 4, 6);
    }
}
