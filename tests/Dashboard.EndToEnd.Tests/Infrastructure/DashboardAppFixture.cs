using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One running app on a real 127.0.0.1 port, on a fresh temporary data directory, and one headless
/// Chromium, shared by the tests of a collection. Each signed-in user gets a fresh browser context
/// (its own cookies), so nobody has to sign out.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync, which disposes every field.")]
public sealed class DashboardAppFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "dashboard-e2e-" + Guid.NewGuid().ToString("N"));
    private DashboardAppFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The warnings and errors the app has logged since it started.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The folder the app accepts SQLite data-source files from; a test puts its database file here.</summary>
    public string SqliteSourceDirectory => Path.Combine(_dataDirectory, DashboardAppFactory.SqliteSourceFolder);

    /// <summary>The running app's services, for a test that writes rows the way a background job would (e.g. a bias audit).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app is not running.");

    /// <summary>Where tests write screenshots for a person to look at: the test output, never the repository.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!BrowserEnvironment.IsBrowserInstalled)
        {
            if (BrowserEnvironment.IsRequired)
            {
                throw new InvalidOperationException("E2E_REQUIRED=1 but the browser tests cannot run. " + BrowserEnvironment.MissingBrowserMessage);
            }

            // Every test is skipped (BrowserFact); starting the app would only cost time.
            return;
        }

        try
        {
            await StartAsync();
        }
        catch
        {
            // Stop whatever did start (app, browser, files) now; DisposeAsync may run again later, harmlessly.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        Directory.CreateDirectory(SqliteSourceDirectory);
        _factory = new DashboardAppFactory(_dataDirectory, Logs);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        BaseAddress = new Uri(addresses.First().TrimEnd('/') + "/");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            // --disable-dev-shm-usage: containers often have a 64 MB /dev/shm, too small for Chromium's renderer.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage"],
        });

        // The sample-data job and a cold circuit can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A fresh browser context (no cookies, so one per user) whose relative URLs resolve against the app.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var browser = _browser ?? throw new InvalidOperationException(BrowserEnvironment.MissingBrowserMessage);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            _factory = null;
        }

        // SQLite keeps pooled connections (and so open files) until the pools are cleared.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
