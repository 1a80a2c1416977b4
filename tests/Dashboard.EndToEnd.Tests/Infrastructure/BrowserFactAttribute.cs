namespace Dashboard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fact that needs a real browser: skipped with a clear reason when Chromium is not installed,
/// unless <c>E2E_REQUIRED=1</c>, in which case it runs and the fixture fails it with the same reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserEnvironment.IsBrowserInstalled && !BrowserEnvironment.IsRequired)
        {
            Skip = "Browser test skipped. " + BrowserEnvironment.MissingBrowserMessage + " Set E2E_REQUIRED=1 to fail instead of skipping.";
        }
    }
}
