using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class EventsApiLimitsTests
{
    private static string Events(int count) =>
        "{\"events\":[" + string.Join(',', Enumerable.Range(0, count).Select(i => $$"""{"user_id":"u{{i}}","item_id":"sku-1","type":"view"}""")) + "]}";

    private static async Task<(DashboardFactory Factory, HttpClient Client, Guid Tenant)> StartAsync(string name, params (string Key, string Value)[] settings)
    {
        var factory = new DashboardFactory();
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }

        var client = factory.CreateClient();
        var tenant = await ApiKeys.RegisterOrganisationAsync(factory, name, $"{name.Replace(' ', '-').ToLowerInvariant()}@example.test");
        client.DefaultRequestHeaders.Add("X-Api-Key", await ApiKeys.CreateAsync(factory, tenant));
        return (factory, client, tenant);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentions, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413NamingTheSetting_WhetherItsLengthIsSentOrNot()
    {
        var (factory, client, _) = await StartAsync("Body Org", ("EventsApi:MaxRequestBytes", "2048"));
        using var _ = factory;
        using var __ = client;
        var body = Events(100);

        var withLength = await client.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));
        using var chunked = new ChunkedContent(Encoding.UTF8.GetBytes(body));
        chunked.Headers.ContentType = new("application/json");
        var withoutLength = await client.PostAsync("/api/v1/events", chunked);
        var small = await client.PostAsync("/api/v1/events", new StringContent(Events(3), Encoding.UTF8, "application/json"));

        await AssertProblemAsync(withLength, HttpStatusCode.RequestEntityTooLarge, "EventsApi:MaxRequestBytes");
        await AssertProblemAsync(withoutLength, HttpStatusCode.RequestEntityTooLarge, "EventsApi:MaxRequestBytes");
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    [Fact]
    public async Task AnEndUserWithMoreAttributesThanAllowed_Is400NamingTheSetting()
    {
        var (factory, client, _) = await StartAsync("Attribute Org");
        using var _ = factory;
        using var __ = client;
        var attributes = string.Join(',', Enumerable.Range(0, 51).Select(a => $$"""{"key":"k{{a}}","value":"v"}"""));

        var response = await client.PostAsync("/api/v1/users", new StringContent($$"""{"users":[{"id":"u1","attributes":[{{attributes}}]}]}""", Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "IngestLimits:MaxAttributesPerRow");
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal((0, "attributes"), (error.GetProperty("index").GetInt32(), error.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task AWriteWhileTheOrganisationsQueueIsFull_Is429WithRetryAfter_AndOtherOrganisationsStillWrite()
    {
        var (factory, client, tenant) = await StartAsync("Queue Org", ("EventsApi:WriteQueueLimit", "0"));
        using var _ = factory;
        using var __ = client;
        using var otherClient = factory.CreateClient();
        var other = await ApiKeys.RegisterOrganisationAsync(factory, "Quiet Org", "quiet@example.test");
        otherClient.DefaultRequestHeaders.Add("X-Api-Key", await ApiKeys.CreateAsync(factory, other));
        var gate = factory.Services.GetRequiredService<TenantWriteGate>();

        HttpResponseMessage refused, quiet;
        using (await gate.EnterAsync(tenant, CancellationToken.None))
        {
            refused = await client.PostAsync("/api/v1/events", new StringContent(Events(1), Encoding.UTF8, "application/json"));
            quiet = await otherClient.PostAsync("/api/v1/events", new StringContent(Events(1), Encoding.UTF8, "application/json"));
        }

        var after = await client.PostAsync("/api/v1/events", new StringContent(Events(1), Encoding.UTF8, "application/json"));

        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "EventsApi:WriteQueueLimit");
        Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (quiet.StatusCode, after.StatusCode));
    }

    /// <summary>Sends its bytes without a Content-Length, as a chunked upload does.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
