using Dashboard.Application.Privacy.Report;
using Dashboard.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Endpoints;

public static class PrivacyReportEndpoints
{
    public const string CsvPath = "/privacy/report.csv";
    public const string PdfPath = "/privacy/report.pdf";

    /// <summary>
    /// GET /privacy/report.csv and /privacy/report.pdf: the caller's tenant's privacy report. The policy guards the
    /// routes; the report service checks it again and reads the caller's tenant only.
    /// </summary>
    public static IEndpointRouteBuilder MapPrivacyReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(CsvPath, (HttpContext http, AuthenticationStateProvider authentication, PrivacyReportExport export, CancellationToken cancellationToken) =>
                ReportFileResult.WriteAsync(http, authentication, () => export.CsvAsync(cancellationToken), "text/csv; charset=utf-8"))
            .RequireAuthorization(Policies.ManagePrivacy);
        app.MapGet(PdfPath, (HttpContext http, AuthenticationStateProvider authentication, PrivacyReportExport export, CancellationToken cancellationToken) =>
                ReportFileResult.WriteAsync(http, authentication, () => export.PdfAsync(cancellationToken), "application/pdf"))
            .RequireAuthorization(Policies.ManagePrivacy);
        return app;
    }
}
