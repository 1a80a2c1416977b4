using System.Text;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Auditing;

/// <summary>Reads the tenant's audit log (ViewAuditLog only): filtered pages, the filter choices, and CSV export.</summary>
public sealed class AuditLogService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory)
{
    /// <summary>An export holds at most this many entries (the newest); narrow the filters for older ones.</summary>
    public const int MaxExportRows = 100_000;

    public async Task<(IReadOnlyList<AuditLogRow> Rows, int Total)> ListAsync(AuditLogQuery query, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await OpenAsync(cancellationToken);
        var filtered = Filter(db.AuditLog.AsNoTracking(), query);
        var total = await filtered.CountAsync(cancellationToken);
        var rows = await filtered
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);
        return ([.. rows.Select(ToRow)], total);
    }

    /// <summary>Everyone (and everything: keys, jobs, the app) that appears as "who" in the log, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ListPeopleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        return await db.AuditLog.Select(a => a.UserName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
    }

    /// <summary>The action types the filter offers: every known one, plus any other code found in the log.</summary>
    public async Task<IReadOnlyList<(string Action, string Label)>> ListActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var recorded = await db.AuditLog.Select(a => a.Action).Distinct().ToListAsync(cancellationToken);
        var known = AuditSentence.KnownActions;
        return [.. known, .. recorded.Where(r => known.All(k => k.Action != r)).Order(StringComparer.Ordinal).Select(r => (r, AuditSentence.Label(r)))];
    }

    /// <summary>The filtered log as CSV (UTF-8 with BOM for spreadsheets), newest first; formula-like cells are escaped.</summary>
    public async Task<(string FileName, byte[] Content)> ExportCsvAsync(AuditLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await OpenAsync(cancellationToken);
        var entries = await Filter(db.AuditLog.AsNoTracking(), query)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Take(MaxExportRows)
            .ToListAsync(cancellationToken);
        var text = new StringBuilder();
        text.Append(CsvCells.Line("when", "who", "action", "what happened", "subject", "before", "after")).Append("\r\n");
        foreach (var entry in entries)
        {
            var changes = AuditSentence.Changes(entry);
            text.Append(CsvCells.Line(
                UtcText.Format(entry.AtUtc), entry.UserName, AuditSentence.Label(entry.Action), AuditSentence.Describe(entry), entry.Subject,
                Flatten(changes, c => c.Before), Flatten(changes, c => c.After))).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return ("audit-log.csv", bytes);
    }

    public static AuditLogRow ToRow(AuditLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AuditLogRow(entry.Id, entry.AtUtc, entry.UserName, entry.Action, AuditSentence.Label(entry.Action), AuditSentence.Describe(entry), entry.Subject,
            AuditSentence.Changes(entry));
    }

    private static string? Flatten(IReadOnlyList<AuditChange> changes, Func<AuditChange, string?> side) =>
        changes.Count == 1 && changes[0].Field == "Value"
            ? side(changes[0])
            : string.Join("; ", changes.Where(c => side(c) is not null).Select(c => $"{c.Field}: {side(c)}")) is { Length: > 0 } joined ? joined : null;

    private static IQueryable<AuditLogEntry> Filter(IQueryable<AuditLogEntry> entries, AuditLogQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            entries = entries.Where(a => a.UserName == query.Person);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.AtUtc >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.AtUtc < end);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + query.Search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            entries = entries.Where(a => EF.Functions.Like(a.Subject, pattern, "\\") || EF.Functions.Like(a.UserName, pattern, "\\")
                || (a.Before != null && EF.Functions.Like(a.Before, pattern, "\\")) || (a.After != null && EF.Functions.Like(a.After, pattern, "\\")));
        }

        return entries;
    }

    private async Task<IAppDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewAuditLog);
        return dbFactory.CreateForTenant(caller.TenantId);
    }
}
