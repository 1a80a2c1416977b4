using System.Net;
using System.Security.Claims;
using Dashboard.Infrastructure.Jobs;
using Dashboard.Web.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Services;

public sealed class HangfireOperatorFilterTests
{
    private const string Operator = "ops@example.test";

    [Theory]
    [InlineData(Operator, "127.0.0.1", true)]
    [InlineData(Operator, "::1", true)]
    [InlineData(Operator, "10.1.2.3", false)]
    [InlineData("admin@demo.local", "127.0.0.1", false)]
    [InlineData(null, "127.0.0.1", false)]
    public void Authorize_NeedsAnOperatorEmailAndALoopbackCaller(string? email, string remote, bool expected)
    {
        var filter = new HangfireOperatorFilter(new StaticOptions(new JobsOptions { DashboardOperators = [Operator] }));
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (email is not null)
        {
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, email)], "Test"));
        }

        // The decision is tested on the HttpContext alone: building a Hangfire DashboardContext needs a
        // JobStorage, and Hangfire's storages log through a process-wide provider that another test's
        // (already disposed) WebApplicationFactory may have installed.
        var allowed = filter.IsOperator(http);

        Assert.Equal(expected, allowed);
    }

    private sealed class StaticOptions(JobsOptions value) : IOptionsMonitor<JobsOptions>
    {
        public JobsOptions CurrentValue => value;

        public JobsOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<JobsOptions, string?> listener) => null;
    }
}
