using System.Xml.Linq;
using Dashboard.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Infrastructure.Security;

/// <summary>
/// Data Protection keys used to be files in <c>DataProtection:KeysPath</c>, a folder per node. At start-up,
/// key files found there that the database does not hold yet are copied in, so sign-in cookies and
/// connection strings protected with them stay readable after the move. The files are left in place.
/// </summary>
public sealed class FolderKeyImporter(
    IDbContextFactory<DashboardDbContext> factory, IConfiguration configuration, IHostEnvironment environment, ILogger<FolderKeyImporter> logger)
{
    public const string KeysPathKey = "DataProtection:KeysPath";

    /// <summary>Copies missing keys into the database; returns how many were added.</summary>
    public async Task<int> ImportAsync(CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration[KeysPathKey] ?? "data/keys"));
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            // The file system repository names each file after the key's friendly name, as the EF one stores it.
            var name = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(name))
            {
                continue;
            }

            var xml = XElement.Load(file);
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = xml.ToString(SaveOptions.DisableFormatting) });
            added++;
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Copied {Count} Data Protection key(s) from {Folder} into the database.", added, folder);
        }

        return added;
    }
}
