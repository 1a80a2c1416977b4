namespace Dashboard.Application.Reports;

/// <summary>Writes a <see cref="ReportDocument"/> as a PDF a person can print and file.</summary>
public interface IReportPdfWriter
{
    byte[] Write(ReportDocument document);
}
