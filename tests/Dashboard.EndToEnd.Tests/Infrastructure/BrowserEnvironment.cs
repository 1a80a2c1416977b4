namespace Dashboard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Where the browser is and whether its absence is a skip (a developer machine without Chromium) or a
/// failure (<c>E2E_REQUIRED=1</c>, set by CI so that a missing browser can never pass as green).
/// </summary>
public static class BrowserEnvironment
{
    /// <summary>Debian's <c>chromium</c> package; Playwright's own browser download is never used.</summary>
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary>Chromium to drive: <c>E2E_CHROMIUM</c> when set (other distributions), else Debian's.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("E2E_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromiumPath;

    public static bool IsBrowserInstalled => File.Exists(ChromiumPath);

    public static bool IsRequired => Environment.GetEnvironmentVariable("E2E_REQUIRED") == "1";

    public static string MissingBrowserMessage =>
        $"No Chromium at {ChromiumPath}: install it (Debian: apt-get install -y chromium) or point E2E_CHROMIUM at one. " +
        "Never run 'playwright install'.";
}
