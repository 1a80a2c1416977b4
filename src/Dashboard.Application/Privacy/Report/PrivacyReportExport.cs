using Dashboard.Application.Reports;

namespace Dashboard.Application.Privacy.Report;

/// <summary>The privacy report as files to download: CSV for spreadsheets, PDF for people. ManagePrivacy, via the report service.</summary>
public sealed class PrivacyReportExport(PrivacyReportService reports, IReportPdfWriter pdf)
{
    public async Task<(string FileName, byte[] Content)> CsvAsync(CancellationToken cancellationToken = default)
    {
        var report = await reports.GetAsync(cancellationToken);
        return (FileName(report, "csv"), ReportCsv.Write(PrivacyReportDocument.From(report)));
    }

    public async Task<(string FileName, byte[] Content)> PdfAsync(CancellationToken cancellationToken = default)
    {
        var report = await reports.GetAsync(cancellationToken);
        return (FileName(report, "pdf"), pdf.Write(PrivacyReportDocument.From(report)));
    }

    private static string FileName(PrivacyReport report, string extension) =>
        $"privacy-report-{PrivacyReportText.Day(DateOnly.FromDateTime(report.GeneratedAtUtc))}.{extension}";
}
