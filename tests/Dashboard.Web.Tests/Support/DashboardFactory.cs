using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// The real app over TestServer with its own temp data folder: demo organisation on (its three users
/// exist), no Hangfire server (no background work during HTTP tests).
/// </summary>
public sealed class DashboardFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dashboard-web-tests", Guid.NewGuid().ToString("N"));

    public const string DemoPassword = "Demo-Retail-2026";

    /// <summary>For accounts a test creates: the demo password is refused for every account but the demo's.</summary>
    public const string MemberPassword = "a-long-enough-passphrase";

    /// <summary>"Testing" (the default) behaves like Production; a test may choose another environment.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "dashboard.db")};Pooling=False");
        builder.UseSetting("Jobs:SqliteStoragePath", Path.Combine(_folder, "hangfire.db"));
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_folder, "keys"));
        builder.UseSetting("Demo:Enabled", "true");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_folder))
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file briefly; the OS cleans the temp folder.
            }
        }
    }
}
