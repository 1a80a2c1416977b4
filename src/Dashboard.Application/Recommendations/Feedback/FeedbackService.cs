using System.Data.Common;
using Dashboard.Application.Common;
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
/// A row must name a list this organisation was served (<see cref="ServedRecommendation"/>): feedback on an id
/// never issued, or issued to another organisation, is refused with nothing written, and each row carries its
/// list's campaign and arm so results are attributed per arm.
/// </summary>
public sealed class FeedbackService(
    IIngestionWriter writer, ITenantDbContextFactory dbFactory, ServedRecommendationLog servedLog, IOptions<EventsApiOptions> options,
    IOptions<DataSourcesOptions> dataSources, TimeProvider time, RecentEventsBuffer recentEvents)
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

        var (lists, unknown) = await ServedListsAsync(tenantId, parsed, cancellationToken);
        if (unknown.Count > 0)
        {
            return new FeedbackOutcome(null, unknown);
        }

        try
        {
            return new FeedbackOutcome(await WriteAsync(tenantId, parsed, lists, now, cancellationToken), []);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            // As for events: a request that lost a race to create the same new end-user or item finds it on the second run.
            return new FeedbackOutcome(await WriteAsync(tenantId, parsed, lists, now, cancellationToken), []);
        }
    }

    /// <summary>
    /// The campaign and arm of each list the rows name, and a problem for each row whose list this organisation
    /// was never served. Lists are logged a moment after they are answered, so when some are missing the log is
    /// written out once and they are looked up again: feedback sent right after its list is not refused for that.
    /// </summary>
    private async Task<(Dictionary<string, ServedAttribution> Lists, List<IngestProblem> Unknown)> ServedListsAsync(
        Guid tenantId, List<ParsedFeedback> rows, CancellationToken cancellationToken)
    {
        var wanted = rows.Select(r => r.RecommendationId).Distinct(StringComparer.Ordinal).ToList();
        var lists = await LookUpAsync(tenantId, wanted, cancellationToken);
        if (lists.Count < wanted.Count)
        {
            await servedLog.FlushAsync(cancellationToken);
            lists = await LookUpAsync(tenantId, wanted, cancellationToken);
        }

        var unknown = new List<IngestProblem>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!lists.ContainsKey(rows[i].RecommendationId))
            {
                unknown.Add(new IngestProblem(rows[i].Index, "recommendation_id",
                    $"No list with the recommendation_id \"{rows[i].RecommendationId}\" was served to this organisation; send the id the recommendations answer carried."));
            }
        }

        return (lists, unknown);
    }

    private async Task<Dictionary<string, ServedAttribution>> LookUpAsync(Guid tenantId, List<string> ids, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(tenantId);
        return await db.ServedRecommendations.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new ServedAttribution(s.CampaignId, s.CampaignArmId), StringComparer.Ordinal, cancellationToken);
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
                parsed.Add(new ParsedFeedback(i, recommendation!, item, user, type, at));
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

    private async Task<FeedbackSummary> WriteAsync(
        Guid tenantId, List<ParsedFeedback> rows, Dictionary<string, ServedAttribution> lists, DateTime now, CancellationToken cancellationToken)
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
                var list = lists[row.RecommendationId];
                session.Db.RecommendationFeedback.Add(new RecommendationFeedback
                {
                    RecommendationId = row.RecommendationId,
                    EndUserId = userId,
                    ItemId = itemId,
                    Type = row.Type,
                    OccurredAtUtc = row.OccurredAtUtc,
                    ReceivedAtUtc = now,
                    CampaignId = list.CampaignId,
                    CampaignArmId = list.CampaignArmId,
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
