using System.Text;
using Dashboard.Application.Reports;

namespace Dashboard.Application.Tests.Reports;

public sealed class ReportCsvTests
{
    private static string[] Lines(params ReportBlock[] blocks) =>
        Encoding.UTF8.GetString(ReportCsv.Write(new ReportDocument("Report", "Alpha", new DateTime(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc), blocks)))
            .TrimStart('\uFEFF').Split("\r\n");

    [Fact]
    public void BarChart_IsWrittenAsATable_OneRowPerCategory_WithItsThreshold()
    {
        var lines = Lines(new ReportBarChart("Ratio per group", ["North", "South"], [new ReportSeries("NDCG@10 ratio", [0.625, double.NaN])], 0.8, "0.8 threshold"));

        Assert.Equal(["Ratio per group", ",NDCG@10 ratio,0.8 threshold", "North,0.63,0.80", "South,–,0.80"], lines[3..7]);
    }

    [Fact]
    public void BarChart_EscapesACategoryNamedLikeAFormula()
    {
        var lines = Lines(new ReportBarChart("Ratio per group", ["=HYPERLINK(\"http://x\")"], [new ReportSeries("Ratio", [1])]));

        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\",1.00", lines);
    }
}
