using System.Globalization;
using System.Text.Json;
using Dashboard.Application.Privacy.ConsentsApi;
using Dashboard.Application.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Tests.Privacy;

/// <summary>Consent decisions sent the way the consents API sends them, and end-users' database ids.</summary>
internal static class ConsentTestKit
{
    public static readonly DateTime June1 = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    public static ConsentInput Input(string user, string purpose, string state, DateTime at, string? source = null) =>
        new(user, purpose, state, JsonSerializer.SerializeToElement(at.ToString("O", CultureInfo.InvariantCulture)), source);

    /// <summary>One batch through the consents API's service; fails the test when it is refused.</summary>
    public static async Task<ConsentSummary> RecordAsync(TestHost host, Guid tenantId, params ConsentInput[] rows)
    {
        var outcome = await host.InScopeAsync<ConsentIngestService, ConsentOutcome>(s => s.RecordAsync(tenantId, rows));
        Assert.True(outcome.Summary is not null, string.Join(" ", outcome.Problems.Select(p => p.Reason)));
        return outcome.Summary!;
    }

    public static async Task<long> EndUserIdAsync(TestHost host, Guid tenantId, string externalId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.EndUsers.Where(u => u.ExternalId == externalId).Select(u => u.Id).SingleAsync();
    }
}
