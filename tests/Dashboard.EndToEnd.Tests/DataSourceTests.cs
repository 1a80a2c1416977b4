using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Application.DataSources.Import;
using Dashboard.EndToEnd.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// Issue 4's "done when", clicked through as a marketer of a new organisation: a CSV with a column
/// mapping, the SQL source, and the events API each bring data that the report, the preview and the
/// Overview show. Every test registers its own organisation, so they share nothing but the app.
/// </summary>
[Collection(DashboardAppCollectionDefinition.Name)]
public sealed partial class DataSourceTests(DashboardAppFixture app)
{
    private const string StrongPassword = "Plum-Orchard-Lantern-42";

    /// <summary>
    /// Headers the mapping step cannot all guess (customer_ref, stars and when), so the user maps them;
    /// line 5 has an unknown event type and line 8 a rating out of range. Timestamps are fixed and in the past.
    /// </summary>
    private const string InteractionsCsv =
        """
        customer_ref,sku,action,stars,when
        c-101,sku-1,view,,2026-10-01T09:00:00Z
        c-101,sku-2,purchase,,2026-10-01T09:05:00Z
        c-102,sku-1,rating,4.5,2026-10-02T10:00:00Z
        c-102,sku-3,teleport,,2026-10-02T11:00:00Z
        c-103,sku-2,click,,2026-10-03T12:00:00Z
        c-103,sku-3,add_to_cart,,2026-10-03T12:30:00Z
        c-104,sku-4,rating,9,2026-10-04T08:00:00Z

        """;

    [BrowserFact]
    public async Task NewOrganisation_UploadsACsvWithAMapping_SeesTheReportAndThePreviewCharts()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterOrganisationAsync("Orchard Lane Books", "owner@orchard-lane.test", StrongPassword);

        // Data sources (in the drawer) → Add data source: a file upload source is the default kind.
        await page.GetByRole(AriaRole.Link, new() { Name = "Data sources", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/data-sources$"));
        await page.WaitForInteractivityAsync();
        await page.GetByTestId("add-source").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/data-sources/new$"));
        await page.GetByTestId("source-name").FillAsync("Shop orders");
        await Expect(page.GetByTestId("source-kind")).ToContainTextAsync("File upload");
        await page.GetByTestId("save-source").ClickAsync();
        await Expect(page).ToHaveURLAsync(GuidUrl());

        // Upload: the hidden file input behind the "Upload file" button.
        var folder = Directory.CreateTempSubdirectory("dashboard-e2e-upload-");
        try
        {
            var csv = Path.Combine(folder.FullName, "orders.csv");
            await File.WriteAllTextAsync(csv, InteractionsCsv);
            await page.Locator("input[type=file]").ChooseFileAsync(csv);
            await Expect(page.GetByTestId("uploaded-file")).ToContainTextAsync("orders.csv (");
            await Expect(page.GetByTestId("mapping")).ToBeVisibleAsync();
            await Expect(page.GetByText("Read as utf-8, comma-separated.")).ToBeVisibleAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // The mapping step: sku and action are guessed; the user maps the other three.
        await MapColumnAsync(page, "customer_ref", "End-user id");
        await MapColumnAsync(page, "stars", "Value / rating");
        await MapColumnAsync(page, "when", "Timestamp");

        // Opening the last column's select scrolled the wide table; scroll back to its first column for the picture.
        await page.GetByTestId("mapping").Locator("th").First.ScrollIntoViewIfNeededAsync();
        await page.SaveScreenshotAsync("data-source-mapping-step");
        await page.GetByTestId("save-mapping").ClickAsync();
        await Expect(page.GetByText("Mapping saved.")).ToBeVisibleAsync();

        // Import now; the page polls the history until the run has finished.
        await page.GetByTestId("import-now").ClickAsync();
        var history = page.GetByTestId("import-history");
        await Expect(history.GetByTestId("import-state")).ToHaveTextAsync("Imported");
        var run = history.Locator("tbody tr").First;
        await Expect(run.Locator("td").Nth(1)).ToHaveTextAsync("Interactions");
        await run.ClickAsync();

        var report = page.GetByTestId("import-report");
        await Expect(report).ToContainTextAsync("Read 7 · accepted 5 · rejected 2");
        await Expect(report.GetByTestId("download-errors")).ToBeVisibleAsync();
        var errors = report.Locator("tbody tr");
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(0).Locator("td")).ToHaveTextAsync(["5", "action", "teleport", EventTypes.UnknownMessage("teleport")]);
        await Expect(errors.Nth(1).Locator("td").First).ToHaveTextAsync("8");
        await Expect(errors.Nth(1)).ToContainTextAsync("outside");
        await page.SaveScreenshotAsync("data-source-import-report");

        await page.GotoAsync("data-sources");
        await Expect(page.GetByTestId("data-sources").Locator("tbody tr").Filter(new() { HasText = "Shop orders" })).ToContainTextAsync("Imported");
        await page.WaitForInteractivityAsync();
        await page.SaveScreenshotAsync("data-sources-list");

        // The preview: counts of what was accepted, and the charts drawn.
        await page.GetByTestId("data-preview").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/data-sources/preview$"));
        await Expect(page.GetByTestId("preview-interactions")).ToHaveTextAsync("5");
        await Expect(page.GetByTestId("preview-end-users")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("preview-items")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("preview-placeholders")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("preview-per-day").Locator("svg").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("preview-event-mix").Locator("svg").First).ToBeVisibleAsync();
        await page.WaitForInteractivityAsync();
        await page.SaveScreenshotAsync("data-preview");
    }

    [BrowserFact]
    public async Task EventsApi_KeyCreatedInTheUi_AcceptsABatch_ThatShowsOnTheOverview()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterOrganisationAsync("Harbour Street Bikes", "owner@harbour-street.test", StrongPassword);

        // Data sources → API keys: the page is linked from the list, not only reachable by its address.
        await page.GetByRole(AriaRole.Link, new() { Name = "Data sources", Exact = true }).ClickAsync();
        await page.GetByTestId("api-keys-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/data-sources/api-keys$"));
        await page.WaitForInteractivityAsync();
        await page.GetByTestId("key-name").FillAsync("Web shop");
        await page.GetByTestId("create-key").ClickAsync();
        var shownKey = page.GetByLabel("New API key");
        await Expect(shownKey).Not.ToHaveValueAsync(string.Empty);
        var key = await shownKey.InputValueAsync();
        await Expect(page.GetByTestId("api-keys")).ToContainTextAsync("Web shop");
        await page.SaveScreenshotAsync("api-keys");

        // A client of the API, not the browser: no cookies, only the key.
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/events")
        {
            Content = JsonContent.Create(new
            {
                events = new object[]
                {
                    new { user_id = "rider-1", item_id = "bike-7", type = "view", timestamp = "2026-10-05T08:00:00Z" },
                    new { user_id = "rider-1", item_id = "bike-7", type = "purchase", timestamp = "2026-10-05T08:10:00Z" },
                    new { user_id = "rider-2", item_id = "helmet-2", type = "rating", value = 4.0, timestamp = 1_791_360_000 },
                },
            }),
        };
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/v1/events answered {(int)response.StatusCode}: {body}");
        Assert.Contains("\"interactions_written\":3", body, StringComparison.Ordinal);

        await page.GotoAsync("");
        await Expect(page.GetByTestId("count-interactions")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("count-end-users")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("count-items")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("interactions-chart")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task NewOrganisation_ImportsFromASqliteSource_SeesTheReportAndTheOverview()
    {
        const string databaseFile = "harvest-shop.db";
        CreateSqliteSource(Path.Combine(app.SqliteSourceDirectory, databaseFile));

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterOrganisationAsync("Harvest Market", "owner@harvest-market.test", StrongPassword);

        await page.GotoAsync("data-sources/new");
        await page.WaitForInteractivityAsync();
        await page.GetByTestId("source-name").FillAsync("Shop database");
        await ChooseAsync(page, page.GetByTestId("source-kind"), "SQL database");
        await ChooseAsync(page, page.GetByTestId("sql-provider"), "SQLite");
        await page.GetByTestId("connection-string").FillAsync($"Data Source={databaseFile}");
        await page.GetByLabel("Query for interactions").FillAsync(
            "SELECT customer AS user_id, product AS item_id, kind AS event_type, happened_at AS timestamp FROM orders ORDER BY id");
        await page.GetByTestId("save-source").ClickAsync();
        await Expect(page).ToHaveURLAsync(GuidUrl());
        await Expect(page.GetByTestId("connection-hint")).ToContainTextAsync(databaseFile);

        await page.GetByTestId("import-now").ClickAsync();
        var history = page.GetByTestId("import-history");
        await Expect(history.GetByTestId("import-state")).ToHaveTextAsync("Imported");
        await history.Locator("tbody tr").First.ClickAsync();
        var report = page.GetByTestId("import-report");
        await Expect(report).ToContainTextAsync("Read 4 · accepted 3 · rejected 1");
        await Expect(report.Locator("tbody tr")).ToContainTextAsync("\"wishlist\" is not an event type we know");
        await page.SaveScreenshotAsync("sql-source-import-report");

        await page.GotoAsync("");
        await Expect(page.GetByTestId("count-interactions")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("count-end-users")).ToHaveTextAsync("2");
    }

    /// <summary>Opens the mapping step's select under <paramref name="column"/> and picks <paramref name="field"/>.</summary>
    private static async Task MapColumnAsync(IPage page, string column, string field)
    {
        var header = page.GetByTestId("mapping").Locator("th").Filter(new() { Has = page.GetByText(column, new() { Exact = true }) });
        await ChooseAsync(page, header.Locator(".mud-select").First, field);
        await Expect(header.Locator(".mud-select").First).ToContainTextAsync(field);
    }

    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static void CreateSqliteSource(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT NOT NULL, product TEXT NOT NULL, kind TEXT NOT NULL, happened_at TEXT NOT NULL);
            INSERT INTO orders (customer, product, kind, happened_at) VALUES
                ('h-1', 'apples', 'view', '2026-10-06T09:00:00Z'),
                ('h-1', 'apples', 'purchase', '2026-10-06T09:02:00Z'),
                ('h-2', 'pears', 'wishlist', '2026-10-07T10:00:00Z'),
                ('h-2', 'pears', 'click', '2026-10-07T10:01:00Z');
            """;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex("/data-sources/[0-9a-f-]{36}$")]
    private static partial Regex GuidUrl();
}
