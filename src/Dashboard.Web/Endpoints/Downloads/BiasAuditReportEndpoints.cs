using Dashboard.Application.Fairness.Report;
using Dashboard.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Endpoints;

public static class BiasAuditReportEndpoints
{
    public static string CsvUrl(Guid auditId) => $"/bias-audits/{auditId}/report.csv";

    public static string PdfUrl(Guid auditId) => $"/bias-audits/{auditId}/report.pdf";

    /// <summary>
    /// GET /bias-audits/{id}/report.csv and /bias-audits/{id}/report.pdf: one bias audit of the caller's tenant as a
    /// file. The policy guards the routes; the report service checks it again and looks the audit up inside the
    /// caller's tenant only, so another tenant's audit is not found.
    /// </summary>
    public static IEndpointRouteBuilder MapBiasAuditReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bias-audits/{id:guid}/report.csv", (Guid id, HttpContext http, AuthenticationStateProvider authentication, BiasAuditReportExport export, CancellationToken cancellationToken) =>
                ReportFileResult.WriteAsync(http, authentication, () => export.CsvAsync(id, cancellationToken), "text/csv; charset=utf-8"))
            .RequireAuthorization(Policies.ViewDashboard);
        app.MapGet("/bias-audits/{id:guid}/report.pdf", (Guid id, HttpContext http, AuthenticationStateProvider authentication, BiasAuditReportExport export, CancellationToken cancellationToken) =>
                ReportFileResult.WriteAsync(http, authentication, () => export.PdfAsync(id, cancellationToken), "application/pdf"))
            .RequireAuthorization(Policies.ViewDashboard);
        return app;
    }
}
