using Dashboard.Application.Tests.Support;
using Dashboard.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Storage;

public sealed class DataProtectionKeyTests
{
    private const string Purpose = "Dashboard.Tests.SharedKeys";

    [Fact]
    public async Task KeysWrittenByOneNode_AreReadByAnotherSharingTheDatabase()
    {
        // Two app instances, each with its own content root (and so its own DataProtection:KeysPath folder),
        // over one database file: what one protects, the other must unprotect.
        await using var first = await TestHost.StartAsync();
        await using var second = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(first.ContentRoot, "dashboard.db")};Pooling=False",
        });
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("connection string");

        var read = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(secret);

        Assert.Equal("connection string", read);
    }

    [Fact]
    public async Task KeysLeftInTheOldFolder_StillUnprotectAfterTheImport()
    {
        await using var host = await TestHost.StartAsync();
        var secret = ProtectWithAFolderKeyRing(Path.Combine(host.ContentRoot, "data", "keys"));

        await host.Services.GetRequiredService<FolderKeyImporter>().ImportAsync();

        Assert.Equal("connection string", host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(secret));
    }

    [Fact]
    public async Task FolderKeyImport_RunAgain_CopiesNothingTwice()
    {
        await using var host = await TestHost.StartAsync();
        ProtectWithAFolderKeyRing(Path.Combine(host.ContentRoot, "data", "keys"));
        var importer = host.Services.GetRequiredService<FolderKeyImporter>();

        var counts = (await importer.ImportAsync(), await importer.ImportAsync());

        Assert.Equal((1, 0), counts);
    }

    /// <summary>Protects a value the way the app did before keys moved into the database: keys as files in a folder.</summary>
    private static string ProtectWithAFolderKeyRing(string folder)
    {
        var provider = DataProtectionProvider.Create(new DirectoryInfo(folder), b => b.SetApplicationName("Dashboard"));
        return provider.CreateProtector(Purpose).Protect("connection string");
    }
}
