using System.Net;
using System.Text;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

public sealed class EventsApiRateLimitTests
{
    [Fact]
    public async Task OverTheLimit_Is429WithRetryAfter_PerKey()
    {
        using var factory = new DashboardFactory();
        factory.Settings["EventsApi:PermitsPerMinute"] = "2";
        using var client = factory.CreateClient();
        var tenant = await ApiKeys.TenantIdAsync(factory, "Demo Retail");
        var busyKey = await ApiKeys.CreateAsync(factory, tenant);
        var otherKey = await ApiKeys.CreateAsync(factory, tenant);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await PostAsync(client, busyKey);
            statuses.Add(last.StatusCode);
        }

        var other = await PostAsync(client, otherKey);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.InRange(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = new StringContent("""{"events":[{"user_id":"u1","item_id":"sku-1","type":"view"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }
}
