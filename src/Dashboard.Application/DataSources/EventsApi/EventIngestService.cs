using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>
/// Writes batches from the events API into one tenant's data: end-user and item upserts, and
/// interactions. The tenant comes from the API key, not from a signed-in person, so it is passed in
/// explicitly. Every row is checked first, so an invalid row means nothing is written. A valid event
/// batch is written by a single SaveChanges (one transaction); end-user and item batches are written in
/// short chunks (<see cref="IngestChunks"/>) so that other organisations' writes are not held up.
/// </summary>
public sealed class EventIngestService(ITenantDbContextFactory dbFactory, IOptions<EventsApiOptions> options, TimeProvider time)
{
    public async Task<IngestOutcome> UpsertUsersAsync(Guid tenantId, IReadOnlyList<UserInput?>? rows, CancellationToken cancellationToken = default)
    {
        if (CheckSize(rows, "users") is { } refused)
        {
            return refused;
        }

        var problems = IngestValidator.Users(rows!);
        if (problems.Count > 0)
        {
            return IngestOutcome.Refused(problems);
        }

        return await IngestChunks.WriteAsync(rows!, r => r!.Attributes?.Count ?? 0,
            (chunk, ct) => WithOneRetryAsync(() => WriteUsersAsync(tenantId, chunk, ct)), cancellationToken);
    }

    public async Task<IngestOutcome> UpsertItemsAsync(Guid tenantId, IReadOnlyList<ItemInput?>? rows, CancellationToken cancellationToken = default)
    {
        if (CheckSize(rows, "items") is { } refused)
        {
            return refused;
        }

        var problems = IngestValidator.Items(rows!);
        if (problems.Count > 0)
        {
            return IngestOutcome.Refused(problems);
        }

        return await IngestChunks.WriteAsync(rows!, r => r!.Attributes?.Count ?? 0,
            (chunk, ct) => WithOneRetryAsync(() => WriteItemsAsync(tenantId, chunk, ct)), cancellationToken);
    }

    public async Task<IngestOutcome> RecordEventsAsync(Guid tenantId, IReadOnlyList<EventInput?>? rows, CancellationToken cancellationToken = default)
    {
        if (CheckSize(rows, "events") is { } refused)
        {
            return refused;
        }

        var parsed = new List<ParsedEvent>(rows!.Count);
        var problems = IngestValidator.Events(rows, time.GetUtcNow().UtcDateTime, parsed);
        if (problems.Count > 0)
        {
            return IngestOutcome.Refused(problems);
        }

        return await WithOneRetryAsync(() => WriteEventsAsync(tenantId, parsed, cancellationToken));
    }

    private IngestOutcome? CheckSize<T>(IReadOnlyList<T>? rows, string property)
    {
        var max = options.Value.MaxBatchSize;
        if (rows is null)
        {
            return IngestOutcome.Refused([new IngestProblem(0, property, $"Send a JSON object with a \"{property}\" array.")]);
        }

        if (rows.Count == 0)
        {
            return IngestOutcome.Refused([new IngestProblem(0, property, $"The \"{property}\" array is empty; nothing to write.")]);
        }

        return rows.Count > max
            ? new IngestOutcome(null, [new IngestProblem(max, property,
                string.Create(CultureInfo.InvariantCulture, $"Too many rows: {rows.Count:N0}; send at most {max:N0} per request (split the batch)."))], TooLarge: true)
            : null;
    }

    /// <summary>
    /// Two requests naming the same new id at once both try to insert it; the loser hits the unique
    /// index. Running the loser again finds the winner's row and updates it instead.
    /// </summary>
    private static async Task<IngestOutcome> WithOneRetryAsync(Func<Task<IngestOutcome>> write)
    {
        try
        {
            return await write();
        }
        catch (DbUpdateException)
        {
            return await write();
        }
    }

    private async Task<IngestOutcome> WriteUsersAsync(Guid tenantId, IReadOnlyList<UserInput?> rows, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(tenantId);
        var ids = rows.Select(r => r!.Id!).ToList();
        var existing = await db.EndUsers.Include(u => u.Attributes)
            .Where(u => ids.Contains(u.ExternalId))
            .ToDictionaryAsync(u => u.ExternalId, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        int created = 0, updated = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row!.Id!, out var user))
            {
                updated++;
            }
            else
            {
                user = new EndUser { ExternalId = row.Id!, CreatedAtUtc = now };
                db.EndUsers.Add(user);
                created++;
            }

            foreach (var input in row.Attributes ?? [])
            {
                var attribute = user.Attributes.FirstOrDefault(a => string.Equals(a.Key, input!.Key, StringComparison.Ordinal));
                if (attribute is null)
                {
                    attribute = new EndUserAttribute { Key = input!.Key!, Value = input.Value! };
                    user.Attributes.Add(attribute);
                }

                attribute.Value = input!.Value!;
                attribute.IsSensitive = input.Sensitive ?? false;
                attribute.IsQuasiIdentifier = input.QuasiIdentifier ?? false;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return IngestOutcome.Written(new IngestSummary(rows.Count, created, updated, 0, 0, 0, 0));
    }

    private async Task<IngestOutcome> WriteItemsAsync(Guid tenantId, IReadOnlyList<ItemInput?> rows, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(tenantId);
        var ids = rows.Select(r => r!.Id!).ToList();
        var existing = await db.Items.Include(i => i.Attributes)
            .Where(i => ids.Contains(i.ExternalId))
            .ToDictionaryAsync(i => i.ExternalId, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        int created = 0, updated = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row!.Id!, out var item))
            {
                updated++;
            }
            else
            {
                item = new Item { ExternalId = row.Id!, Title = row.Title!, CreatedAtUtc = now };
                db.Items.Add(item);
                created++;
            }

            item.Title = row.Title!;
            item.IsPlaceholder = false;
            if (row.Category is not null)
            {
                item.Category = row.Category.Length == 0 ? null : row.Category;
            }

            if (row.Tags is not null)
            {
                var tags = IngestValidator.JoinTags(row.Tags);
                item.Tags = tags.Length == 0 ? null : tags;
            }

            if (row.Price is not null)
            {
                item.Price = row.Price;
            }

            foreach (var input in row.Attributes ?? [])
            {
                var attribute = item.Attributes.FirstOrDefault(a => string.Equals(a.Key, input!.Key, StringComparison.Ordinal));
                if (attribute is null)
                {
                    item.Attributes.Add(new ItemAttribute { Key = input!.Key!, Value = input.Value! });
                }
                else
                {
                    attribute.Value = input!.Value!;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return IngestOutcome.Written(new IngestSummary(rows.Count, 0, 0, created, updated, 0, 0));
    }

    private async Task<IngestOutcome> WriteEventsAsync(Guid tenantId, List<ParsedEvent> events, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(tenantId);
        var userIds = events.Select(e => e.UserId).Distinct(StringComparer.Ordinal).ToList();
        var itemIds = events.Select(e => e.ItemId).Distinct(StringComparer.Ordinal).ToList();
        var users = await db.EndUsers.Where(u => userIds.Contains(u.ExternalId))
            .ToDictionaryAsync(u => u.ExternalId, StringComparer.Ordinal, cancellationToken);
        var items = await db.Items.Where(i => itemIds.Contains(i.ExternalId))
            .ToDictionaryAsync(i => i.ExternalId, StringComparer.Ordinal, cancellationToken);
        var stored = await StoredEventsAsync(db, users.Values, events, cancellationToken);

        // Only events that are neither stored already nor repeated in this batch are written, so a client
        // that retries a batch after a timeout does not count its events twice. Users and items are
        // created only for the events that are written.
        var fresh = new List<ParsedEvent>(events.Count);
        var seen = new HashSet<(string, string, InteractionType, DateTime)>();
        foreach (var e in events)
        {
            var stillStored = users.TryGetValue(e.UserId, out var user) && items.TryGetValue(e.ItemId, out var item)
                && stored.Contains((user.Id, item.Id, e.Type, e.OccurredAtUtc));
            if (!stillStored && seen.Add((e.UserId, e.ItemId, e.Type, e.OccurredAtUtc)))
            {
                fresh.Add(e);
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        int createdUsers = 0, createdItems = 0;
        foreach (var id in fresh.Select(e => e.UserId).Distinct(StringComparer.Ordinal).Where(id => !users.ContainsKey(id)))
        {
            users[id] = db.EndUsers.Add(new EndUser { ExternalId = id, CreatedAtUtc = now }).Entity;
            createdUsers++;
        }

        // Events often arrive before the catalogue does; a placeholder keeps the event and is filled in
        // by the next item upsert with the same id.
        foreach (var id in fresh.Select(e => e.ItemId).Distinct(StringComparer.Ordinal).Where(id => !items.ContainsKey(id)))
        {
            items[id] = db.Items.Add(new Item { ExternalId = id, Title = id, IsPlaceholder = true, CreatedAtUtc = now }).Entity;
            createdItems++;
        }

        foreach (var e in fresh)
        {
            db.Interactions.Add(new Interaction
            {
                EndUser = users[e.UserId],
                Item = items[e.ItemId],
                Type = e.Type,
                Value = e.Value,
                OccurredAtUtc = e.OccurredAtUtc,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return IngestOutcome.Written(new IngestSummary(events.Count, createdUsers, 0, 0, 0, createdItems, fresh.Count, events.Count - fresh.Count));
    }

    /// <summary>The stored interactions of the batch's known end-users within the batch's time span.</summary>
    private static async Task<HashSet<(long, long, InteractionType, DateTime)>> StoredEventsAsync(
        IAppDbContext db, IEnumerable<EndUser> knownUsers, List<ParsedEvent> events, CancellationToken cancellationToken)
    {
        var ids = knownUsers.Select(u => u.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var from = events.Min(e => e.OccurredAtUtc);
        var to = events.Max(e => e.OccurredAtUtc);
        var rows = await db.Interactions.AsNoTracking()
            .Where(i => ids.Contains(i.EndUserId) && i.OccurredAtUtc >= from && i.OccurredAtUtc <= to)
            .Select(i => new { i.EndUserId, i.ItemId, i.Type, i.OccurredAtUtc })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.EndUserId, r.ItemId, r.Type, r.OccurredAtUtc))];
    }
}
