using System.Net;
using Dashboard.Infrastructure.Jobs;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Services;

/// <summary>
/// Lets only system operators into /hangfire: it lists every tenant's jobs. An operator is a signed-in
/// user whose e-mail is in Jobs:DashboardOperators AND who calls from the machine itself (loopback,
/// e.g. through an SSH tunnel). The address alone is not enough: e-mail addresses are not verified
/// here, so anyone could register an organisation with an operator's address before the operator does.
/// </summary>
internal sealed class HangfireOperatorFilter(IOptionsMonitor<JobsOptions> options) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => IsOperator(context.GetHttpContext());

    internal bool IsOperator(HttpContext http)
    {
        var email = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null;
        var remote = http.Connection.RemoteIpAddress;
        return email is not null
            && remote is not null && IPAddress.IsLoopback(remote)
            && options.CurrentValue.DashboardOperators.Contains(email, StringComparer.OrdinalIgnoreCase);
    }
}
