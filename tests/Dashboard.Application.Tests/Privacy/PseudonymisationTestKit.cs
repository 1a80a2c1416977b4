using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Tests.Training;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Tests.Privacy;

/// <summary>Turning pseudonymisation on and rotating its key the way the Privacy page does, and searching the whole database for a text.</summary>
internal static class PseudonymisationTestKit
{
    /// <summary>"Turn on" as the current caller, then the re-key run to its end.</summary>
    public static async Task TurnOnAsync(TestHost host, Guid tenantId)
    {
        var request = await host.InScopeAsync<PseudonymisationService, PseudonymisationRequest>(s => s.TurnOnAsync());
        Assert.True(request.Queued, request.Message);
        await TrainingTestKit.ExecuteAsync(host, tenantId, request.JobRunId!.Value);
    }

    public static async Task RotateAsync(TestHost host, Guid tenantId)
    {
        var request = await host.InScopeAsync<PseudonymisationService, PseudonymisationRequest>(s => s.RotateKeyAsync());
        Assert.True(request.Queued, request.Message);
        await TrainingTestKit.ExecuteAsync(host, tenantId, request.JobRunId!.Value);
    }

    public static async Task<List<string>> StoredEndUserIdsAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.EndUsers.AsNoTracking().Select(u => u.ExternalId).ToListAsync();
    }

    /// <summary>"table.column" of every text column of every table (all tenants) holding <paramref name="text"/>.</summary>
    public static async Task<List<string>> TablesContainingAsync(TestHost host, string text)
    {
        await using var db = host.CreateUnboundContext();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var found = new List<string>();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            var columns = new List<string>();
            await using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            foreach (var column in columns)
            {
                await using var search = connection.CreateCommand();
                search.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE '%' || $text || '%'";
                search.Parameters.AddWithValue("$text", text);
                if (Convert.ToInt64(await search.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    found.Add($"{table}.{column}");
                }
            }
        }

        return found;
    }
}
