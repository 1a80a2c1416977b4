using Dashboard.Infrastructure.Jobs;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Services;

/// <summary>
/// Lets only system operators (Jobs:DashboardOperators) into /hangfire: it lists every tenant's jobs.
/// Anonymous callers and tenant users alike get 403.
/// </summary>
internal sealed class HangfireOperatorFilter(IOptionsMonitor<JobsOptions> options) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        var email = user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;
        return email is not null && options.CurrentValue.DashboardOperators.Contains(email, StringComparer.OrdinalIgnoreCase);
    }
}
