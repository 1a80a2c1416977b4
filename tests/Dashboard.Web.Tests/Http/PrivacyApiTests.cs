using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Domain.DataSources;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

public sealed class PrivacyApiTests(TrainedOrganisation org) : IClassFixture<TrainedOrganisation>
{
    private async Task<HttpClient> PrivacyClientAsync() => org.Client(await ApiKeys.CreateAsync(org.Factory, org.TenantId, scopes: ApiScopes.PrivacyAdmin));

    [Fact]
    public async Task Export_WithoutAKey_Is401()
    {
        using var client = org.Factory.CreateClient();

        var response = await client.GetAsync("/api/v1/end-users/s-u5/export");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ExportAndErasure_WithAKeyWithoutPrivacyAdmin_Are403NamingTheScope()
    {
        using var client = org.Client();

        var export = await client.GetAsync("/api/v1/end-users/s-u5/export");
        var erasure = await client.PostAsJsonAsync("/api/v1/erasure", new { user_id = "s-u5" });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (export.StatusCode, erasure.StatusCode));
        Assert.Contains(ApiScopes.PrivacyAdmin, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithAnUnknownFormat_Is400()
    {
        using var client = await PrivacyClientAsync();

        var response = await client.GetAsync("/api/v1/end-users/s-u5/export?format=xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Erasure_WithoutAUserId_Is400()
    {
        using var client = await PrivacyClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/erasure", new { user_id = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Export_AsJsonAndCsv_GivesTheEndUsersData()
    {
        using var client = await PrivacyClientAsync();

        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/end-users/s-u5/export");
        var csv = await client.GetAsync("/api/v1/end-users/s-u5/export?format=csv");

        Assert.Equal((true, true, "text/csv"),
            (json.GetProperty("found").GetBoolean(), json.GetProperty("interactions").GetArrayLength() > 0, csv.Content.Headers.ContentType?.MediaType));
        Assert.Contains("interaction,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_GivesAReceiptAndTheEndUserGetsNoPersonalisedListAfterwards()
    {
        using var privacy = await PrivacyClientAsync();
        using var serving = org.Client();
        var before = await serving.GetFromJsonAsync<JsonElement>("/api/v1/recommendations?user_id=s-u30&count=3");

        var response = await privacy.PostAsJsonAsync("/api/v1/erasure", new { user_id = "s-u30" });

        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var after = await serving.GetFromJsonAsync<JsonElement>("/api/v1/recommendations?user_id=s-u30&count=3");
        Assert.Equal((HttpStatusCode.OK, true, "API", true, false),
            (response.StatusCode, receipt.GetProperty("found").GetBoolean(), receipt.GetProperty("channel").GetString(),
                before.GetProperty("personalised").GetBoolean(), after.GetProperty("personalised").GetBoolean()));
        Assert.DoesNotContain("s-u30", receipt.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_OfAnUnknownId_GivesANothingFoundReceipt()
    {
        using var client = await PrivacyClientAsync();

        var receipt = await (await client.PostAsJsonAsync("/api/v1/erasure", new { user_id = "never-seen-anywhere" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((false, "Nothing was found under this id."), (receipt.GetProperty("found").GetBoolean(), receipt.GetProperty("outcome").GetString()));
    }
}
