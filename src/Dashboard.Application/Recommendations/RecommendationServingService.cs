using System.Collections.Concurrent;
using System.Text.Json;
using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.Privacy;
using Dashboard.Application.Training;
using Dashboard.Domain.Privacy;
using Dashboard.Domain.Recommendations;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Recommendations;

/// <summary>
/// The serving API's use cases: a top-N list for an end-user and similar items for an item, from the
/// active version of a blend. The hot path reads no database: the model comes from the active-model cache,
/// fresh events from the <see cref="RecentEventsBuffer"/>, the list id is made locally and the list is
/// logged in the background (<see cref="ServedRecommendationLog"/>). The database is read only to tell
/// an unknown blend from one without an active version (errors), to find the default blend of an
/// organisation without a "Default" one (cached briefly), and once per model version for its training start.
/// One instance per process (it holds those two small caches). An end-user without Personalisation consent (the
/// consent gate's snapshot, no database read per request) gets the popular items, marked as not personalised for that reason.
/// A list for a campaign (<see cref="RecommendForCampaignAsync"/>) comes from the end-user's arm, under the campaign's rules,
/// and is logged with its campaign and arm so feedback on it is attributed to them.
/// </summary>
public sealed class RecommendationServingService(
    IActiveModelCache models, ITenantDbContextFactory dbFactory, RecentEventsBuffer recentEvents, ServedRecommendationLog log, IConsentGate consent,
    IPseudonymizer pseudonymizer, CampaignServing campaigns, TimeProvider time)
{
    public const int MinCount = 1;
    public const int MaxCount = BlendSpec.MaxListSize;
    public const int Status400 = 400;
    public const int Status404 = 404;
    public const int Status409 = 409;

    private static readonly TimeSpan DefaultNameLifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, DateTime> _trainingStarts = new();
    private readonly ConcurrentDictionary<Guid, (string Name, DateTimeOffset At)> _defaultNames = new();

    public async Task<ServingOutcome> RecommendAsync(
        Guid tenantId, string? endUserId, int count, string? blend, IReadOnlyCollection<string> excludeCategories, CancellationToken cancellationToken = default)
    {
        if (IngestionRules.Id(endUserId, "end-user id", out var user) is { } badUser)
        {
            return ServingOutcome.Refused(Status400, "user_id is not valid", $"{badUser} Send it as ?user_id=….");
        }

        if (CountProblem(count) is { } badCount)
        {
            return badCount;
        }

        var (active, problem) = await ActiveAsync(tenantId, blend, cancellationToken);
        if (active is null)
        {
            return problem!;
        }

        // The model, the consent gate, the recent events and the log all know the end-user by the id they are stored under.
        var stored = await pseudonymizer.StoredEndUserIdAsync(tenantId, user, cancellationToken);
        var consented = await consent.AllowsAsync(tenantId, ConsentPurpose.Personalisation, stored, cancellationToken);
        var list = active.Model.Recommend(stored, count, new RecommendOptions
        {
            ExcludeCategories = excludeCategories,
            RecentEvents = consented ? await RecentEventsAsync(tenantId, active.VersionId, stored, cancellationToken) : [],
            ExplainByHistory = false,
            Personalise = consented,
        });
        // "No consent" is said of someone the model could have personalised for; an id it does not know is simply cold.
        return Served(tenantId, active, list.Personalised, list.Items, stored, null, noConsent: !consented && active.Model.HoldsEndUser(stored));
    }

    /// <summary>
    /// The campaign's list for the end-user: the campaign must be running and for the web or an app, the end-user in its
    /// segment; their arm's blend makes the list under the campaign's rules (plus <paramref name="excludeCategories"/>),
    /// of the campaign's list size unless <paramref name="count"/> is given. Consent is asked as for a plain list.
    /// </summary>
    /// <param name="campaign">The campaign's name or id.</param>
    public async Task<ServingOutcome> RecommendForCampaignAsync(
        Guid tenantId, string? endUserId, int? count, string campaign, IReadOnlyCollection<string> excludeCategories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(excludeCategories);
        if (IngestionRules.Id(endUserId, "end-user id", out var user) is { } badUser)
        {
            return ServingOutcome.Refused(Status400, "user_id is not valid", $"{badUser} Send it as ?user_id=….");
        }

        if (count is { } asked && CountProblem(asked) is { } badCount)
        {
            return badCount;
        }

        var stored = await pseudonymizer.StoredEndUserIdAsync(tenantId, user, cancellationToken);
        var (choice, problem) = await campaigns.ChooseAsync(tenantId, campaign, stored, cancellationToken);
        if (choice is null)
        {
            return new ServingOutcome(null, problem);
        }

        var rules = excludeCategories.Count == 0
            ? choice.Rules
            : choice.Rules with { ExcludeCategories = [.. choice.Rules.ExcludeCategories.Union(excludeCategories, StringComparer.Ordinal)] };
        var active = choice.Model;
        var consented = await consent.AllowsAsync(tenantId, ConsentPurpose.Personalisation, stored, cancellationToken);
        IReadOnlyList<RecentEvent> recent = consented ? await RecentEventsAsync(tenantId, active.VersionId, stored, cancellationToken) : [];
        var list = CampaignLists.For(active, rules, stored, count ?? choice.ListSize, consented, recent, explain: false);
        return Served(tenantId, active, list.Personalised, list.Items, stored, null, noConsent: !consented && active.Model.HoldsEndUser(stored), choice);
    }

    /// <summary>
    /// The end-user's events received since the version's training began (so possibly missing from it); the
    /// API and the Recommendations page both pass them, so both show the same list. <paramref name="endUserId"/> is
    /// the id as stored (the pseudonym when the tenant pseudonymises), see <see cref="IPseudonymizer"/>.
    /// </summary>
    public async Task<IReadOnlyList<RecentEvent>> RecentEventsAsync(Guid tenantId, Guid versionId, string endUserId, CancellationToken cancellationToken = default) =>
        recentEvents.Since(tenantId, endUserId, await TrainingStartAsync(tenantId, versionId, cancellationToken));

    public async Task<ServingOutcome> SimilarAsync(Guid tenantId, string? itemId, int count, string? blend, CancellationToken cancellationToken = default)
    {
        if (IngestionRules.Id(itemId, "item id", out var item) is { } badItem)
        {
            return ServingOutcome.Refused(Status400, "The item id is not valid", badItem);
        }

        if (CountProblem(count) is { } badCount)
        {
            return badCount;
        }

        var (active, problem) = await ActiveAsync(tenantId, blend, cancellationToken);
        return active is null ? problem! : Served(tenantId, active, false, active.Model.SimilarItems(item, count), null, item);
    }

    private static ServingOutcome? CountProblem(int count) => count is < MinCount or > MaxCount
        ? ServingOutcome.Refused(Status400, "count is out of range", $"Ask for {MinCount} to {MaxCount} items (count={count}).")
        : null;

    private ServingOutcome Served(
        Guid tenantId, ActiveModel active, bool personalised, IReadOnlyList<RecommendedItem> items, string? user, string? sourceItem, bool noConsent = false,
        CampaignServingChoice? campaign = null)
    {
        var now = time.GetUtcNow();
        var id = RecommendationIds.New(now);
        var dtos = new RecommendedItemDto[items.Count];
        var ids = new string[items.Count];
        for (var i = 0; i < dtos.Length; i++)
        {
            var it = items[i];
            ids[i] = it.ItemId;
            dtos[i] = new RecommendedItemDto(it.ItemId, it.Title.Length > 0 ? it.Title : it.ItemId, it.Categories.Count > 0 ? it.Categories[0] : null, it.Categories, it.Score, it.Rank, it.ReasonCodes);
        }

        log.Enqueue(new ServedRecommendation
        {
            Id = id,
            TenantId = tenantId,
            EndUserExternalId = user,
            SourceItemExternalId = sourceItem,
            BlendId = active.BlendId,
            ModelVersionId = active.VersionId,
            Personalised = personalised,
            ItemIdsJson = JsonSerializer.Serialize(ids),
            ServedAtUtc = now.UtcDateTime,
            CampaignId = campaign?.CampaignId,
            CampaignArmId = campaign?.ArmId,
        });
        return new ServingOutcome(
            new RecommendationsResponse(id, active.BlendName, active.VersionNumber, active.VersionId, personalised, dtos, noConsent, campaign?.CampaignName, campaign?.ArmName),
            null);
    }

    private async Task<(ActiveModel? Active, ServingOutcome? Problem)> ActiveAsync(Guid tenantId, string? blend, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(blend) ? await DefaultBlendAsync(tenantId, cancellationToken) : blend.Trim();
        if (name is null)
        {
            return (null, ServingOutcome.Refused(Status404, "No default blend",
                "This organisation has no blend named \"Default\" and more than one other blend (or none). Name one with ?blend=… (see the Algorithms page)."));
        }

        if (await models.GetAsync(tenantId, name, cancellationToken) is { } active)
        {
            return (active, null);
        }

        await using var db = dbFactory.CreateForTenant(tenantId);
        var exists = Guid.TryParse(name, out var id)
            ? await db.Blends.AnyAsync(b => b.Id == id, cancellationToken)
            : await db.Blends.AnyAsync(b => b.Name == name, cancellationToken);
        return exists
            ? (null, ServingOutcome.Refused(Status409, "The blend has no active model",
                $"The blend \"{name}\" has no active model version yet (or its active version cannot be loaded). Train it on the Algorithms page and activate a version; until then, this blend cannot serve."))
            : (null, ServingOutcome.Refused(Status404, "Unknown blend", $"This organisation has no blend \"{name}\". Blend names are listed on the Algorithms page."));
    }

    /// <summary>"Default" when the organisation has it (the usual case: no database read), else its only blend.</summary>
    private async Task<string?> DefaultBlendAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_defaultNames.TryGetValue(tenantId, out var cached) && now - cached.At < DefaultNameLifetime)
        {
            return cached.Name;
        }

        await using var db = dbFactory.CreateForTenant(tenantId);
        var names = await db.Blends.AsNoTracking().Select(b => b.Name).Take(2).ToListAsync(cancellationToken);
        var hasDefault = names.Contains(BlendDefaults.DefaultBlendName, StringComparer.Ordinal)
            || await db.Blends.AnyAsync(b => b.Name == BlendDefaults.DefaultBlendName, cancellationToken);
        var name = hasDefault ? BlendDefaults.DefaultBlendName : names.Count == 1 ? names[0] : null;
        if (name is not null)
        {
            _defaultNames[tenantId] = (name, now);
        }

        return name;
    }

    /// <summary>
    /// When the version's training began (its job run's start): events received since then may be missing
    /// from it, so they are passed as recent events; older ones are in the model. Versions never change,
    /// so this is read once per version.
    /// </summary>
    private async Task<DateTime> TrainingStartAsync(Guid tenantId, Guid versionId, CancellationToken cancellationToken)
    {
        if (_trainingStarts.TryGetValue(versionId, out var start))
        {
            return start;
        }

        await using var db = dbFactory.CreateForTenant(tenantId);
        var version = await db.ModelVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new { v.JobRunId, v.CreatedAtUtc, v.TrainingSeconds }).FirstOrDefaultAsync(cancellationToken);
        var run = version?.JobRunId is { } runId
            ? await db.JobRuns.AsNoTracking().Where(j => j.Id == runId).Select(j => new { j.StartedAtUtc, j.QueuedAtUtc }).FirstOrDefaultAsync(cancellationToken)
            : null;
        start = run is not null
            ? run.StartedAtUtc ?? run.QueuedAtUtc
            : version is not null ? version.CreatedAtUtc - TimeSpan.FromSeconds(version.TrainingSeconds) : DateTime.MinValue;
        _trainingStarts[versionId] = start;
        return start;
    }
}
