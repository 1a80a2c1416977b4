using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real app (Program.cs) in Development, with every file it writes — database, Hangfire storage,
/// data-protection keys, uploaded files — in <paramref name="dataDirectory"/>, SQLite data sources read
/// from its <see cref="SqliteSourceFolder"/>, and the demo organisation's sample data kept small so its
/// job finishes in seconds.
/// </summary>
internal sealed class DashboardAppFactory(string dataDirectory, CapturedLogs logs) : WebApplicationFactory<Program>
{
    public const int SampleUsers = 200;
    public const int SampleItems = 50;
    public const int SampleInteractions = 5_000;

    /// <summary>The subfolder of the data directory that SQLite data sources must be in (DataSources:SqliteSourcePath).</summary>
    public const string SqliteSourceFolder = "sqlite-sources";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Debug));

        // A browser that vanishes without saying goodbye (a closed laptop, a lost network) leaves its circuit
        // waiting for a reconnect; a short wait lets a test see what happens when that circuit is let go.
        builder.ConfigureServices(services => services.Configure<CircuitOptions>(options => options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(2)));

        // UseSetting, not ConfigureAppConfiguration: the app reads some keys (DataProtection:KeysPath,
        // Jobs:RunServer) from builder.Configuration while registering services, before Build().
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(dataDirectory, "dashboard.db")}");
        builder.UseSetting("Database:ApplyMigrationsOnStartup", "true");
        builder.UseSetting("Jobs:SqliteStoragePath", Path.Combine(dataDirectory, "hangfire.db"));
        builder.UseSetting("Jobs:RunServer", "true");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(dataDirectory, "keys"));

        // Uploads would otherwise land in src/Dashboard.Web/data/uploads (relative to the content root).
        builder.UseSetting("DataSources:UploadPath", Path.Combine(dataDirectory, "uploads"));
        builder.UseSetting("DataSources:SqliteSourcePath", Path.Combine(dataDirectory, SqliteSourceFolder));
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:SampleData:Users", SampleUsers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:SampleData:Items", SampleItems.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:SampleData:Interactions", SampleInteractions.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
