using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Application.Common;
using Dashboard.Domain.Data;
using Dashboard.EndToEnd.Tests.Infrastructure;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// Issue 13's "Done when" in a real browser: the demo marketer makes a segment and an A/B campaign, previews and
/// starts it, a client fetches lists with campaign= and sends feedback, the campaign and Metrics pages count it per
/// arm, and an e-mail campaign's export downloads as CSV.
/// </summary>
[Collection(DashboardAppCollectionDefinition.Name)]
public sealed class CampaignFlowTests(DashboardAppFixture app)
{
    private const string Password = "Demo-Retail-2026";

    /// <summary>A new campaign starts at the next full hour, so the dialog offers "Start now"; if that hour came meanwhile, it offers "Start".</summary>
    private static readonly Regex StartNow = new("^Start( now)?$");

    [BrowserFact]
    public async Task Marketer_BuildsAnAbCampaign_ServesItThroughTheApi_AndSeesFeedbackPerArm_ThenExportsAnEmailCampaign()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("marketer@demo.local", Password, "Demo Retail");

        // The demo's own campaign appears once its second blend is trained; the new campaign's B arm uses that blend.
        await WaitForDemoCampaignAsync(page);

        // A segment: end-users with at least one purchase.
        var segment = $"Buyers {Guid.NewGuid():N}"[..14];
        await page.GotoAsync("campaigns/segments");
        await page.WaitForInteractivityAsync();
        await page.GetByTestId("new-segment").ClickAsync();
        await page.GetByTestId("segment-name").FillAsync(segment);
        await page.GetByTestId("add-group").ClickAsync();
        await page.GetByTestId("rule-kind").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Purchases", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("segment-estimate")).ToContainTextAsync(new Regex("end-user"), new() { Timeout = 30_000 });
        await page.GetByTestId("save-segment").ClickAsync();
        await Expect(page.GetByTestId("segments")).ToContainTextAsync(segment);

        // A web campaign with an A/B split: Default against Popular picks.
        var campaign = $"Spring AB {Guid.NewGuid():N}"[..17];
        await OpenNewCampaignAsync(page, campaign, segment);
        await page.GetByTestId("ab-test").ClickAsync();
        await Expect(page.GetByTestId("arm-row")).ToHaveCountAsync(2);
        await ChooseAsync(page, page.GetByTestId("arm-blend").Nth(0), "Default");
        await ChooseAsync(page, page.GetByTestId("arm-blend").Nth(1), "Popular picks");
        await page.GetByTestId("save-campaign").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/campaigns/[0-9a-f-]{36}$"));
        await page.WaitForInteractivityAsync();

        // The preview shows sampled members with their arm and list; then the campaign starts.
        await Expect(page.GetByTestId("preview-member").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.SaveScreenshotAsync("issue13-campaign-preview");
        await page.GetByTestId("start-campaign").ClickAsync();
        await page.Locator(".mud-message-box").GetByRole(AriaRole.Button, new() { NameRegex = StartNow }).ClickAsync();
        await Expect(page.GetByTestId("campaign-summary")).ToContainTextAsync("Running");
        var campaignUrl = page.Url;

        // A client fetches a member's list with campaign= and sends an impression and a click back.
        var key = await CreateApiKeyAsync(page);
        var member = await BuyerAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var first = await GetJsonAsync(client, $"api/v1/recommendations?user_id={member}&campaign={Uri.EscapeDataString(campaign)}");
        var again = await GetJsonAsync(client, $"api/v1/recommendations?user_id={member}&campaign={Uri.EscapeDataString(campaign)}");
        var arm = first.GetProperty("arm").GetString();
        Assert.Equal(campaign, first.GetProperty("campaign").GetString());
        Assert.Equal(arm, again.GetProperty("arm").GetString());
        var recommendationId = first.GetProperty("recommendation_id").GetString();
        var item = first.GetProperty("items")[0].GetProperty("item_id").GetString();
        using var feedback = await client.PostAsJsonAsync("api/v1/feedback", new
        {
            feedback = new object[]
            {
                new { recommendation_id = recommendationId, item_id = item, end_user_id = member, type = "impression" },
                new { recommendation_id = recommendationId, item_id = item, end_user_id = member, type = "click" },
            },
        });
        Assert.True(feedback.IsSuccessStatusCode, $"POST /api/v1/feedback answered {(int)feedback.StatusCode}: {await feedback.Content.ReadAsStringAsync()}");

        // The campaign's results count the click on the member's arm; the Metrics page lists the campaign.
        await page.GotoAsync(campaignUrl);
        await page.WaitForInteractivityAsync();
        var armCard = page.Locator($"[data-testid=arm-card][data-arm='{arm}']");
        await Expect(armCard.GetByTestId("clicks")).ToHaveTextAsync("1");
        await Expect(armCard.GetByTestId("ctr")).ToContainTextAsync("%");
        await page.SaveScreenshotAsync("issue13-campaign-results");
        await page.GotoAsync("metrics");
        await page.WaitForInteractivityAsync();
        await Expect(page.Locator($"[data-testid=campaign-metrics-campaign][data-campaign='{campaign}']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=campaign-metrics-campaign][data-campaign='Spring picks']")).ToBeVisibleAsync();

        // An e-mail campaign for the same segment: started, exported, and its CSV downloaded.
        var mailing = $"Mailing {Guid.NewGuid():N}"[..15];
        await OpenNewCampaignAsync(page, mailing, segment);
        await ChooseAsync(page, page.GetByTestId("campaign-channel"), "E-mail");
        await page.GetByTestId("save-campaign").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/campaigns/[0-9a-f-]{36}$"));
        await page.WaitForInteractivityAsync();
        await page.GetByTestId("start-campaign").ClickAsync();
        await page.Locator(".mud-message-box").GetByRole(AriaRole.Button, new() { NameRegex = StartNow }).ClickAsync();
        await Expect(page.GetByTestId("campaign-summary")).ToContainTextAsync("Running");
        await page.GetByTestId("export-now").ClickAsync();
        var download = page.GetByTestId("export-download").First;
        await Expect(download).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var href = await download.GetAttributeAsync("href");
        var csv = await context.APIRequest.GetAsync(href!);
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("end_user_id,rank,item_id,title,score,recommendation_id", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.True(lines.Length > 1, "The export holds no lists.");
        await page.SaveScreenshotAsync("issue13-campaign-export");
    }

    private static async Task OpenNewCampaignAsync(IPage page, string name, string segment)
    {
        await page.GotoAsync("campaigns/new");
        await page.WaitForInteractivityAsync();
        await page.GetByTestId("campaign-name").FillAsync(name);
        await ChooseAsync(page, page.GetByTestId("campaign-segment"), segment);
    }

    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static async Task WaitForDemoCampaignAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            await page.GotoAsync("campaigns");
            await page.WaitForInteractivityAsync();
            if (await page.GetByText("Spring picks", new() { Exact = true }).CountAsync() > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The demo's campaign “Spring picks” never appeared on /campaigns.");
            await Task.Delay(3_000);
        }
    }

    private static async Task<string> CreateApiKeyAsync(IPage page)
    {
        await page.GotoAsync("data-sources/api-keys");
        await page.WaitForInteractivityAsync();
        await page.GetByTestId("key-name").FillAsync($"Shop {Guid.NewGuid():N}"[..12]);
        await page.GetByTestId("scope-recommendations:read").ClickAsync();
        await page.GetByTestId("create-key").ClickAsync();
        var shownKey = page.GetByLabel("New API key");
        await Expect(shownKey).Not.ToHaveValueAsync(string.Empty);
        return await shownKey.InputValueAsync();
    }

    /// <summary>A demo end-user with a purchase (so in the segment), by their id as stored.</summary>
    private async Task<string> BuyerAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var tenantId = await db.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
        await using var tenantDb = app.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        return await tenantDb.Interactions.Where(i => i.Type == InteractionType.Purchase)
            .OrderBy(i => i.EndUserId).Select(i => i.EndUser!.ExternalId).FirstAsync();
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
