using System.Data.Common;
using System.Text;
using Dashboard.Application.Auditing;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Access;
using Dashboard.Application.Privacy.Erasure;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Training;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Privacy.ErasureTestKit;

namespace Dashboard.Application.Tests.Privacy;

/// <summary>
/// The issue's proof: after an erasure on an organisation with a trained, active model and served recommendations,
/// the end-user's id — and its pseudonym, whatever the pseudonymizer makes of it — is nowhere: not in any column of
/// any table of the application's database (every table the EF model maps, and any other in the file) or of Hangfire's,
/// not in any file the app wrote (model artifacts among them), not in any export, not in the caches.
/// </summary>
public sealed class NoTraceAfterErasureTests
{
    [Fact]
    public async Task AfterErasure_TheIdAndItsPseudonymAreInNoTableArtifactExportOrCache()
    {
        var (host, officer, blendId) = await StartAsync();
        await using var _ = host;
        var pseudonym = await host.Services.GetRequiredService<IPseudonymizer>().StoredEndUserIdAsync(officer.TenantId, EndUserId, CancellationToken.None);
        string[] needles = [EndUserId, pseudonym];
        Assert.NotEmpty(await FindInDatabaseAsync(Path.Combine(host.ContentRoot, "dashboard.db"), needles));

        await host.InScopeAsync<ErasureService, PrivacyRequestView>(s => s.EraseAsync(EndUserId, PrivacyRequests.PageChannel));

        var found = new List<string>();
        var appTables = await SearchedTablesAsync(host);
        found.AddRange(await FindInDatabaseAsync(Path.Combine(host.ContentRoot, "dashboard.db"), needles));
        found.AddRange(await FindInDatabaseAsync(Path.Combine(host.ContentRoot, "hangfire.db"), needles));
        found.AddRange(FindInFiles(host.ContentRoot, needles));
        found.AddRange(await FindInDatabaseBytesAsync(Path.Combine(host.ContentRoot, "dashboard.db"), needles));
        found.AddRange(await FindInExportsAsync(host, needles));
        found.AddRange(await FindInCachesAsync(host, officer.TenantId, blendId, needles));
        Assert.True(appTables.Missing.Count == 0, $"EF tables not searched: {string.Join(", ", appTables.Missing)}");
        Assert.True(found.Count == 0, $"The erased id was found in: {string.Join("; ", found)}");
    }

    /// <summary>Every table the EF model maps must be among the tables the search reads from the file.</summary>
    private static async Task<(List<string> Missing, int Count)> SearchedTablesAsync(TestHost host)
    {
        await using var db = host.CreateUnboundContext();
        var mapped = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        var inFile = await TablesAsync(Path.Combine(host.ContentRoot, "dashboard.db"));
        return ([.. mapped.Where(t => !inFile.Contains(t))], mapped.Count);
    }

    private static async Task<HashSet<string>> TablesAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>Every column of every table, text and blobs alike, read in full.</summary>
    private static async Task<List<string>> FindInDatabaseAsync(string path, string[] needles)
    {
        var found = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        foreach (var table in await TablesAsync(path))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    if (!reader.IsDBNull(c) && Holds(Bytes(reader, c), needles))
                    {
                        found.Add($"{Path.GetFileName(path)}: {table}.{reader.GetName(c)}");
                    }
                }
            }
        }

        return [.. found.Distinct()];
    }

    /// <summary>
    /// The database file's bytes once the write-ahead log is folded in: a deleted row must not linger in free pages
    /// (SQLite's secure delete), where anyone with the file could still read it.
    /// </summary>
    private static async Task<List<string>> FindInDatabaseBytesAsync(string path, string[] needles)
    {
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }

        return [.. new[] { path, path + "-wal" }.Where(File.Exists).Where(f => Holds(File.ReadAllBytes(f), needles)).Select(f => $"{Path.GetFileName(f)} (file bytes)")];
    }

    private static byte[] Bytes(DbDataReader reader, int column) =>
        reader.GetFieldType(column) == typeof(byte[]) ? (byte[])reader.GetValue(column) : Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);

    /// <summary>Every file the app wrote apart from the databases read above: model artifacts, uploads, keys.</summary>
    private static List<string> FindInFiles(string root, string[] needles) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Contains(".db", StringComparison.Ordinal))
            .Where(f => Holds(File.ReadAllBytes(f), needles))
            .Select(f => Path.GetRelativePath(root, f))];

    private static async Task<List<string>> FindInExportsAsync(TestHost host, string[] needles)
    {
        var found = new List<string>();
        var erased = await host.InScopeAsync<EndUserExportService, EndUserExport>(s => s.ExportAsync(EndUserId, PrivacyRequests.PageChannel));
        var other = await host.InScopeAsync<EndUserExportService, EndUserExport>(s => s.ExportAsync("u00002", PrivacyRequests.PageChannel));
        var audit = await host.InScopeAsync<AuditLogService, (string FileName, byte[] Content)>(s => s.ExportCsvAsync(new AuditLogQuery(null, null, null, null, null)));
        foreach (var (name, bytes) in new[]
        {
            ("access export of the erased id (JSON)", EndUserExportFormats.ToJson(erased)),
            ("access export of the erased id (CSV)", EndUserExportFormats.ToCsv(erased)),
            ("access export of another end-user (JSON)", EndUserExportFormats.ToJson(other)),
            ("access export of another end-user (CSV)", EndUserExportFormats.ToCsv(other)),
            ("audit log export", audit.Content),
        })
        {
            if (Holds(bytes, needles))
            {
                found.Add(name);
            }
        }

        return found;
    }

    private static async Task<List<string>> FindInCachesAsync(TestHost host, Guid tenantId, Guid blendId, string[] needles)
    {
        var found = new List<string>();
        await host.Services.GetRequiredService<ServedRecommendationLog>().FlushAsync(CancellationToken.None);
        var active = await host.Services.GetRequiredService<IActiveModelCache>().GetAsync(tenantId, blendId.ToString());
        foreach (var needle in needles)
        {
            if (host.Services.GetRequiredService<RecentEventsBuffer>().Since(tenantId, needle, DateTime.MinValue).Count > 0)
            {
                found.Add("recent events buffer");
            }

            if (active!.Model.HoldsEndUser(needle))
            {
                found.Add("active model cache");
            }

            if (((ConsentGate)host.Services.GetRequiredService<IConsentGate>()).Holds(tenantId, needle))
            {
                found.Add("consent gate's serving snapshot");
            }
        }

        return found;
    }

    private static bool Holds(byte[] haystack, string[] needles) =>
        needles.Any(n => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(n)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(n)) >= 0);
}
