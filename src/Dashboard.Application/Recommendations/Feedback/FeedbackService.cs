using System.Data.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Domain.Data;
using Dashboard.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Application.Recommendations.Feedback;

/// <summary>
/// Stores feedback on served recommendations through the ingestion writer (the one way data enters a
/// tenant): the same id and timestamp rules, batch limit and all-or-nothing answer as the events API.
/// Every row is stored as <see cref="RecommendationFeedback"/>; a click also becomes a click interaction
/// and a conversion a purchase interaction (a conversion is the shop's goal, which the engine weighs as a
/// purchase), so the next training learns from them. An impression is not an interaction: being shown an
/// item says nothing about liking it. A retried batch stores each row once.
/// </summary>
public sealed class FeedbackService(
    IIngestionWriter writer, IOptions<EventsApiOptions> options, IOptions<DataSourcesOptions> dataSources, TimeProvider time, RecentEventsBuffer recentEvents)
{
    public const string Impression = "impression";
    public const string Click = "click";
    public const string Conversion = "conversion";

    public static IReadOnlyList<string> TypeNames { get; } = [Impression, Click, Conversion];

    /// <summary>The interaction a feedback type becomes, or null for none.</summary>
    public static InteractionType? InteractionFor(FeedbackType type) => type switch
    {
        FeedbackType.Click => InteractionType.Click,
        FeedbackType.Conversion => InteractionType.Purchase,
        _ => null,
    };

    public async Task<FeedbackOutcome> RecordAsync(Guid tenantId, IReadOnlyList<FeedbackInput?>? rows, CancellationToken cancellationToken = default)
    {
        if (EventIngestService.CheckSize(rows, "feedback", options.Value.MaxBatchSize) is { } refused)
        {
            return FeedbackOutcome.From(refused);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var parsed = new List<ParsedFeedback>(rows!.Count);
        var problems = Validate(rows, dataSources.Value.AcceptedTimes(now), parsed);
        if (problems.Count > 0)
        {
            return new FeedbackOutcome(null, problems);
        }

        try
        {
            return new FeedbackOutcome(await WriteAsync(tenantId, parsed, now, cancellationToken), []);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            // As for events: a request that lost a race to create the same new end-user or item finds it on the second run.
            return new FeedbackOutcome(await WriteAsync(tenantId, parsed, now, cancellationToken), []);
        }
    }

    private static List<IngestProblem> Validate(IReadOnlyList<FeedbackInput?> rows, AcceptedTimes accepted, List<ParsedFeedback> parsed)
    {
        var problems = new List<IngestProblem>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { } row)
            {
                problems.Add(new IngestProblem(i, "", "The row is empty (null)."));
                continue;
            }

            var ok = true;
            var recommendation = row.RecommendationId?.Trim();
            if (!RecommendationIds.IsWellFormed(recommendation))
            {
                problems.Add(new IngestProblem(i, "recommendation_id", recommendation is null or ""
                    ? "The recommendation_id is missing; send the one the recommendations answer carried."
                    : $"\"{EventTypes.Truncate(recommendation)}\" is not a recommendation_id this API issues (they look like rec_ and 22 more characters)."));
                ok = false;
            }

            ok &= Check(problems, i, "item_id", IngestionRules.Id(row.ItemId, "item id", out var item));
            ok &= Check(problems, i, "end_user_id", IngestionRules.Id(row.EndUserId, "end-user id", out var user));
            if (!TryParseType(row.Type, out var type))
            {
                problems.Add(new IngestProblem(i, "type", row.Type is null
                    ? $"The type is missing; use one of {string.Join(", ", TypeNames)}."
                    : $"\"{EventTypes.Truncate(row.Type)}\" is not a feedback type. Use one of: {string.Join(", ", TypeNames)}."));
                ok = false;
            }

            if (!EventTimestampParser.TryParse(row.Timestamp, accepted, out var at, out var error))
            {
                problems.Add(new IngestProblem(i, "timestamp", error!));
                ok = false;
            }

            if (ok)
            {
                parsed.Add(new ParsedFeedback(recommendation!, item, user, type, at));
            }
        }

        return problems;
    }

    private static bool TryParseType(string? text, out FeedbackType type)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "IMPRESSION": type = FeedbackType.Impression; return true;
            case "CLICK": type = FeedbackType.Click; return true;
            case "CONVERSION": type = FeedbackType.Conversion; return true;
            default: type = default; return false;
        }
    }

    private static bool Check(List<IngestProblem> problems, int index, string field, string? problem)
    {
        if (problem is null)
        {
            return true;
        }

        problems.Add(new IngestProblem(index, field, problem));
        return false;
    }

    private async Task<FeedbackSummary> WriteAsync(Guid tenantId, List<ParsedFeedback> rows, DateTime now, CancellationToken cancellationToken)
    {
        await using var session = await writer.BeginBatchAsync(tenantId, cancellationToken);
        var recommendationIds = rows.Select(r => r.RecommendationId).Distinct(StringComparer.Ordinal).ToList();
        var stored = (await session.Db.RecommendationFeedback.AsNoTracking()
                .Where(f => recommendationIds.Contains(f.RecommendationId))
                .Select(f => new { f.RecommendationId, f.ItemId, f.Type, f.OccurredAtUtc })
                .ToListAsync(cancellationToken))
            .Select(f => (f.RecommendationId, f.ItemId, f.Type, f.OccurredAtUtc))
            .ToHashSet();
        var seenInteractions = new HashSet<(long, long, InteractionType, DateTime)>();
        var written = new List<(string, string, string, float)>();
        var feedbackStored = 0;
        foreach (var row in rows)
        {
            var userId = await session.UserIdAsync(row.EndUserId, cancellationToken);
            var itemId = (await session.ItemIdAsync(row.ItemId, createPlaceholder: true, cancellationToken))!.Value;
            if (stored.Add((row.RecommendationId, itemId, row.Type, row.OccurredAtUtc)))
            {
                session.Db.RecommendationFeedback.Add(new RecommendationFeedback
                {
                    RecommendationId = row.RecommendationId,
                    EndUserId = userId,
                    ItemId = itemId,
                    Type = row.Type,
                    OccurredAtUtc = row.OccurredAtUtc,
                    ReceivedAtUtc = now,
                });
                feedbackStored++;
            }

            if (InteractionFor(row.Type) is { } interaction
                && seenInteractions.Add((userId, itemId, interaction, row.OccurredAtUtc))
                && !await session.HadInteractionAsync(userId, itemId, interaction, row.OccurredAtUtc, cancellationToken))
            {
                await session.AddInteractionAsync(userId, itemId, interaction, 1, row.OccurredAtUtc, cancellationToken);
                written.Add((session.StoredEndUserId(row.EndUserId), row.ItemId, EventTypes.ToName(interaction), 1f));
            }
        }

        await session.Db.SaveChangesAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
        recentEvents.Add(tenantId, written);
        return new FeedbackSummary(rows.Count, feedbackStored, written.Count, (int)session.UsersCreated, (int)session.PlaceholdersCreated);
    }
}
