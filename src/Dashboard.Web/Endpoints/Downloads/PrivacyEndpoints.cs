using System.Text;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Identity;

namespace Dashboard.Web.Endpoints;

public static class PrivacyEndpoints
{
    /// <summary>
    /// GET /privacy/sample-consents.csv: the demo's sample consent file (<see cref="SampleConsentFile"/>), dated now so
    /// its withdrawals supersede the demo's grants when imported. Holds no data of the organisation.
    /// </summary>
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/privacy/" + SampleConsentFile.FileName, (TimeProvider time) =>
                Results.File(Encoding.UTF8.GetBytes(SampleConsentFile.Create(time.GetUtcNow().UtcDateTime)), "text/csv; charset=utf-8", SampleConsentFile.FileName))
            .RequireAuthorization(Policies.ViewDashboard);
        return app;
    }
}
