using Dashboard.Application.Reports;

namespace Dashboard.Application.Fairness.Report;

/// <summary>A bias audit as files to download: CSV for spreadsheets, PDF to file. ViewDashboard, via the report service.</summary>
public sealed class BiasAuditReportExport(BiasAuditReportService reports, IReportPdfWriter pdf)
{
    public async Task<(string FileName, byte[] Content)> CsvAsync(Guid auditId, CancellationToken cancellationToken = default)
    {
        var report = await reports.GetAsync(auditId, cancellationToken);
        return ($"{report.FileStem}.csv", ReportCsv.Write(report.Document));
    }

    public async Task<(string FileName, byte[] Content)> PdfAsync(Guid auditId, CancellationToken cancellationToken = default)
    {
        var report = await reports.GetAsync(auditId, cancellationToken);
        return ($"{report.FileStem}.pdf", pdf.Write(report.Document));
    }
}
