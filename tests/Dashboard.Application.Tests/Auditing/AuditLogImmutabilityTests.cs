using System.Text.RegularExpressions;
using Dashboard.Application.Auditing;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Auditing;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.Auditing;

/// <summary>The audit log is append-only: the application can add entries, never edit or delete one.</summary>
public sealed partial class AuditLogImmutabilityTests
{
    private static async Task<(TestHost Host, Guid TenantId, long EntryId)> StartWithEntryAsync()
    {
        var (host, admin) = await StartAsync();
        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = new AuditLogEntry
        {
            AtUtc = new DateTime(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc), UserName = "co@example.test", Action = AuditActions.ModelVersionApproved,
            Subject = "Everyday picks", After = AuditFields.Write(("Version", "version 3"), ("Justification", "Stock arrives in July for the North.")),
        };
        db.AuditLog.Add(entry);
        await db.SaveChangesAsync();
        return (host, admin.TenantId, entry.Id);
    }

    private static async Task<AuditLogEntry?> ReadAsync(TestHost host, Guid tenantId, long id)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.AuditLog.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
    }

    [Fact]
    public async Task Editing_AnEntryThroughTheContext_IsRefusedAndNothingIsSaved()
    {
        var (host, tenantId, id) = await StartWithEntryAsync();
        await using var _h = host;

        await using (var db = host.CreateTenantContext(tenantId))
        {
            var entry = await db.AuditLog.SingleAsync(a => a.Id == id);
            entry.After = AuditFields.Write(("Version", "version 3"), ("Justification", "Nothing to see here."));
            await Assert.ThrowsAsync<AuditLogChangeRefusedException>(() => db.SaveChangesAsync());
        }

        Assert.Contains("Stock arrives in July", (await ReadAsync(host, tenantId, id))!.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_AnEntryThroughTheContext_IsRefusedAndNothingIsSaved()
    {
        var (host, tenantId, id) = await StartWithEntryAsync();
        await using var _h = host;

        await using (var db = host.CreateTenantContext(tenantId))
        {
            db.AuditLog.Remove(await db.AuditLog.SingleAsync(a => a.Id == id));
            await Assert.ThrowsAsync<AuditLogChangeRefusedException>(() => db.SaveChangesAsync());
        }

        Assert.NotNull(await ReadAsync(host, tenantId, id));
    }

    [Fact]
    public async Task Deleting_AnEntryWithTheSynchronousSave_IsRefusedToo()
    {
        var (host, tenantId, id) = await StartWithEntryAsync();
        await using var _h = host;

        await using (var db = (DashboardDbContext)host.CreateTenantContext(tenantId))
        {
            db.AuditLog.Remove(await db.AuditLog.SingleAsync(a => a.Id == id));
            Assert.Throws<AuditLogChangeRefusedException>(() => db.SaveChanges());
        }

        Assert.NotNull(await ReadAsync(host, tenantId, id));
    }

    /// <summary>
    /// Bulk statements and SQL bypass SaveChanges, so the rule above cannot see them: no product code may point one
    /// at the audit log. (No product path removes entries today — no tenant deletion; erasure and re-keying add
    /// entries and leave the others alone — so there is no reviewed exception to list here.)
    /// </summary>
    [Fact]
    public void AuditLog_IsNeverBulkUpdatedOrDeletedOrWrittenBySql()
    {
        var writers = SourceFiles.Where(text => BulkOnAuditLog().IsMatch(text) || SqlOnAuditLog().IsMatch(text));

        Assert.Empty(writers);
    }

    [GeneratedRegex(@"\bAuditLog\b[^;]*\.Execute(Update|Delete)", RegexOptions.Singleline)]
    private static partial Regex BulkOnAuditLog();

    [GeneratedRegex(@"(DELETE\s+FROM|UPDATE|TRUNCATE\s+TABLE)\s+[""\[`]?AuditLog\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqlOnAuditLog();
}
