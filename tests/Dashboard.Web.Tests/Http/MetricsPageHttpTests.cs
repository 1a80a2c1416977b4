using System.Net;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

public sealed class MetricsPageHttpTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Metrics_ForASignedInMarketer_AnswersWithTheBlendPicker()
    {
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode.OK, true), (response.StatusCode, body.Contains("data-testid=\"blend-picker\"", StringComparison.Ordinal)));
    }
}
