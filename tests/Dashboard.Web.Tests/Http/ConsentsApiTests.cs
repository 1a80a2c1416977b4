using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Privacy;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class ConsentsApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<(Guid TenantId, HttpClient Client)> OrganisationAsync(string name, string scopes = "consents:write")
    {
        var tenantId = await ApiKeys.RegisterOrganisationAsync(factory, name, $"{name.ToLowerInvariant().Replace(' ', '-')}@example.test");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await ApiKeys.CreateAsync(factory, tenantId, scopes: scopes));
        return (tenantId, client);
    }

    [Fact]
    public async Task KeyWithoutConsentsWrite_Is403NamingTheScope()
    {
        var (_, client) = await OrganisationAsync("Consent Scopeless", "events:write");
        using var _ = client;

        var response = await client.PostAsync("/api/v1/consents",
            Json("""{"consents":[{"user_id":"u1","purpose":"Personalisation","state":"granted","occurred_at":"2026-01-01T10:00:00Z"}]}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("consents:write", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("missing_scope").GetString());
    }

    [Fact]
    public async Task UnknownPurpose_Is400NamingIt_AndNothingIsWritten()
    {
        var (tenantId, client) = await OrganisationAsync("Consent Unknown Purpose");
        using var _ = client;

        var response = await client.PostAsync("/api/v1/consents", Json(
            """{"consents":[{"user_id":"u1","purpose":"Personalisation","state":"granted","occurred_at":"2026-01-01T10:00:00Z"},{"user_id":"u1","purpose":"Newsletter","state":"granted","occurred_at":"2026-01-01T10:00:00Z"}]}"""));

        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        Assert.Equal((HttpStatusCode.BadRequest, 1, "purpose", true, 0),
            (response.StatusCode, error.GetProperty("index").GetInt32(), error.GetProperty("field").GetString(),
                error.GetProperty("reason").GetString()!.Contains("\"Newsletter\"", StringComparison.Ordinal), await db.ConsentRecords.CountAsync()));
    }

    [Fact]
    public async Task Withdrawal_IsOneCall_AndTheEndUserIsNoLongerAllowed()
    {
        var (tenantId, client) = await OrganisationAsync("Consent Withdrawal");
        using var _ = client;
        (await client.PostAsync("/api/v1/consents",
            Json("""{"consents":[{"user_id":"u1","purpose":"Personalisation","state":"granted","occurred_at":"2026-01-01T10:00:00Z","source":"web banner"}]}"""))).EnsureSuccessStatusCode();

        var response = await client.PostAsync("/api/v1/consents",
            Json("""{"consents":[{"user_id":"u1","purpose":"Personalisation","state":"withdrawn","occurred_at":"2026-01-02T10:00:00Z"}]}"""));

        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        var allowed = await factory.Services.GetRequiredService<IConsentGate>().AllowsAsync(tenantId, ConsentPurpose.Personalisation, "u1", CancellationToken.None);
        Assert.Equal((HttpStatusCode.OK, 1, 0, false),
            (response.StatusCode, summary.GetProperty("consents_written").GetInt32(), summary.GetProperty("created_users").GetInt32(), allowed));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheConsentsEndpointWithAnExample()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var post = document.GetProperty("paths").GetProperty("/api/v1/consents").GetProperty("post");
        Assert.Contains("withdrawn", post.GetProperty("requestBody").GetRawText(), StringComparison.Ordinal);
    }
}
