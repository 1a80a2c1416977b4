using System.Data.Common;
using System.Globalization;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.Recommendations;
using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>
/// Writes batches from the events API into one tenant's data: end-user and item upserts, and
/// interactions. The tenant comes from the API key, not from a signed-in person, so it is passed in
/// explicitly. Every row is checked first (<see cref="IngestionRules"/>, as for file imports), so an invalid row means nothing is written. A valid event
/// batch is written through one session of the ingestion writer (one transaction); end-user and item batches are written in
/// short chunks (<see cref="IngestChunks"/>) so that other organisations' writes are not held up.
/// Written events also go to the <see cref="RecentEventsBuffer"/> once committed, so the next
/// recommendations for their end-users take them into account before the next training.
/// </summary>
public sealed class EventIngestService(
    IIngestionWriter writer, IOptions<EventsApiOptions> options, IOptions<DataSourcesOptions> dataSources, TimeProvider time, RecentEventsBuffer recentEvents)
{
    public async Task<IngestOutcome> UpsertUsersAsync(Guid tenantId, IReadOnlyList<UserInput?>? rows, CancellationToken cancellationToken = default)
    {
        if (CheckSize(rows, "users") is { } refused)
        {
            return refused;
        }

        var parsed = new List<ParsedUser>(rows!.Count);
        var problems = IngestValidator.Users(rows, parsed);
        if (problems.Count > 0)
        {
            return IngestOutcome.Refused(problems);
        }

        return await IngestChunks.WriteAsync(parsed, r => r.Attributes.Count,
            (chunk, ct) => WithOneRetryAsync(() => WriteUsersAsync(tenantId, chunk, ct)), cancellationToken);
    }

    public async Task<IngestOutcome> UpsertItemsAsync(Guid tenantId, IReadOnlyList<ItemInput?>? rows, CancellationToken cancellationToken = default)
    {
        if (CheckSize(rows, "items") is { } refused)
        {
            return refused;
        }

        var parsed = new List<IngestedItem>(rows!.Count);
        var problems = IngestValidator.Items(rows, parsed);
        if (problems.Count > 0)
        {
            return IngestOutcome.Refused(problems);
        }

        return await IngestChunks.WriteAsync(parsed, r => r.Attributes.Count,
            (chunk, ct) => WithOneRetryAsync(() => WriteItemsAsync(tenantId, chunk, ct)), cancellationToken);
    }

    public async Task<IngestOutcome> RecordEventsAsync(Guid tenantId, IReadOnlyList<EventInput?>? rows, CancellationToken cancellationToken = default)
    {
        if (CheckSize(rows, "events") is { } refused)
        {
            return refused;
        }

        var parsed = new List<ParsedEvent>(rows!.Count);
        var problems = IngestValidator.Events(rows, dataSources.Value.AcceptedTimes(time.GetUtcNow().UtcDateTime), parsed);
        if (problems.Count > 0)
        {
            return IngestOutcome.Refused(problems);
        }

        return await WithOneRetryAsync(() => WriteEventsAsync(tenantId, parsed, cancellationToken));
    }

    private IngestOutcome? CheckSize<T>(IReadOnlyList<T>? rows, string property) => CheckSize(rows, property, options.Value.MaxBatchSize);

    /// <summary>Refuses a missing, empty or too long batch array before any row is read.</summary>
    internal static IngestOutcome? CheckSize<T>(IReadOnlyList<T>? rows, string property, int max)
    {
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
    /// index and its transaction is rolled back. Running the loser again finds the winner's row and
    /// updates it instead.
    /// </summary>
    private static async Task<IngestOutcome> WithOneRetryAsync(Func<Task<IngestOutcome>> write)
    {
        try
        {
            return await write();
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            return await write();
        }
    }

    private async Task<IngestOutcome> WriteUsersAsync(Guid tenantId, IReadOnlyList<ParsedUser> rows, CancellationToken cancellationToken)
    {
        await using var session = await writer.BeginBatchAsync(tenantId, cancellationToken);
        var updated = 0;
        foreach (var row in rows)
        {
            if (await session.FindUserIdAsync(row.Id, cancellationToken) is not null)
            {
                updated++;
            }

            var id = await session.UserIdAsync(row.Id, cancellationToken);
            await session.SetUserAttributesAsync(id, row.Attributes, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        return IngestOutcome.Written(new IngestSummary(rows.Count, (int)session.UsersCreated, updated, 0, 0, 0, 0));
    }

    private async Task<IngestOutcome> WriteItemsAsync(Guid tenantId, IReadOnlyList<IngestedItem> rows, CancellationToken cancellationToken)
    {
        await using var session = await writer.BeginBatchAsync(tenantId, cancellationToken);
        int created = 0, updated = 0;
        foreach (var row in rows)
        {
            if (await session.UpsertItemAsync(row, cancellationToken))
            {
                created++;
            }
            else
            {
                updated++;
            }
        }

        await session.CommitAsync(cancellationToken);
        return IngestOutcome.Written(new IngestSummary(rows.Count, 0, 0, created, updated, 0, 0));
    }

    /// <summary>
    /// Only events that are neither stored already nor repeated in this batch are written, so a client
    /// that retries a batch after a timeout does not count its events twice. End-users and items are
    /// created only for the events that are written; events often arrive before the catalogue does, and
    /// a placeholder item keeps the event until the next item upsert with the same id fills it in.
    /// </summary>
    private async Task<IngestOutcome> WriteEventsAsync(Guid tenantId, List<ParsedEvent> events, CancellationToken cancellationToken)
    {
        await using var session = await writer.BeginBatchAsync(tenantId, cancellationToken);
        var seen = new HashSet<(long, long, InteractionType, DateTime)>();
        var written = new List<ParsedEvent>(events.Count);
        foreach (var e in events)
        {
            var knownUser = await session.FindUserIdAsync(e.UserId, cancellationToken);
            var knownItem = await session.ItemIdAsync(e.ItemId, createPlaceholder: false, cancellationToken);
            if (knownUser is { } u && knownItem is { } i && await session.HadInteractionAsync(u, i, e.Type, e.OccurredAtUtc, cancellationToken))
            {
                continue;
            }

            var userId = knownUser ?? await session.UserIdAsync(e.UserId, cancellationToken);
            var itemId = knownItem ?? (await session.ItemIdAsync(e.ItemId, createPlaceholder: true, cancellationToken))!.Value;
            if (seen.Add((userId, itemId, e.Type, e.OccurredAtUtc)))
            {
                await session.AddInteractionAsync(userId, itemId, e.Type, e.Value, e.OccurredAtUtc, cancellationToken);
                written.Add(e);
            }
        }

        await session.CommitAsync(cancellationToken);
        recentEvents.Add(tenantId, written.Select(e => (session.StoredEndUserId(e.UserId), e.ItemId, EventTypes.ToName(e.Type), (float)e.Value)));
        return IngestOutcome.Written(new IngestSummary(
            events.Count, (int)session.UsersCreated, 0, 0, 0, (int)session.PlaceholdersCreated, written.Count, events.Count - written.Count));
    }
}
