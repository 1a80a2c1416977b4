using System.Net;
using System.Net.Sockets;
using System.Text;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

/// <summary>API clients get problem details for every error, never an HTML page.</summary>
public sealed class ApiErrorTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string OneEvent = """{"events":[{"user_id":"u1","item_id":"sku-1","type":"view","timestamp":"2026-01-01T10:00:00Z"}]}""";

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task NonJsonBody_Is415ProblemDetails(string contentType)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await ApiKeys.CreateAsync(factory, await ApiKeys.TenantIdAsync(factory, "Demo Retail")));

        using var response = await client.PostAsync("/api/v1/events", new StringContent(OneEvent, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Content-Type: application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiAddress_Is404ProblemDetails()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/no-such-endpoint");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Development, as `dotnet run` used to start: Kestrel refuses a body over its 30 MB limit with an
    /// exception, which the developer exception page used to answer — with the request's headers, API key
    /// included. The request is written by hand: Kestrel answers as soon as it reads the announced length,
    /// and an HttpClient still sending the body would see the closed connection instead of the answer.
    /// </summary>
    [Fact]
    public async Task InDevelopment_ABodyOverKestrelsLimit_Is413ProblemDetails_WithoutEchoingTheKey()
    {
        await using var development = new DashboardFactory { EnvironmentName = "Development" };
        development.UseKestrel(0);
        development.StartServer();
        var key = await ApiKeys.CreateAsync(development, await ApiKeys.TenantIdAsync(development, "Demo Retail"));
        using var http = development.CreateClient();
        var address = http.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        var request = $"POST /api/v1/events HTTP/1.1\r\nHost: {address.Authority}\r\nX-Api-Key: {key}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {35 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        await stream.WriteAsync(new byte[64 * 1024]);

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key, response, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", response, StringComparison.Ordinal);
    }
}
