using System.Collections.Concurrent;
using System.Collections.Frozen;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.Compliance;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Training;
using Dashboard.Domain.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// Decides what a web or app campaign serves one end-user through the serving API (<c>campaign=</c>): the campaign
/// must be running and not an e-mail one, the end-user must be in its segment, and their arm's blend must have an
/// active version the compliance gate allows. Kept off the database on the hot path: a campaign is read at most
/// every <see cref="PlanLifetime"/>, its segment's members are worked out once and then refreshed in the background
/// every <see cref="AudienceLifetime"/> (one refresh at a time per campaign), and the gate's answer for a version is
/// kept as long as the campaign. One instance per process.
/// </summary>
public sealed partial class CampaignServing(
    ITenantDbContextFactory dbFactory, IServiceScopeFactory scopes, IActiveModelCache models, IReleaseGate gate, TimeProvider time, ILogger<CampaignServing> logger)
{
    /// <summary>How long a campaign read from the database is served before it is read again (so a pause takes effect within it).</summary>
    public static readonly TimeSpan PlanLifetime = TimeSpan.FromSeconds(15);

    /// <summary>How old a campaign's audience may grow before a background refresh starts.</summary>
    public static readonly TimeSpan AudienceLifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<(Guid Tenant, string Key), CampaignServingPlan> _plans = new();
    private readonly ConcurrentDictionary<Guid, CampaignServingAudience> _audiences = new();
    private readonly ConcurrentDictionary<Guid, (ReleaseDecision Decision, DateTimeOffset At)> _decisions = new();
    private readonly Lock _newAudience = new();

    /// <param name="campaign">The campaign's name or id, as the client sent it.</param>
    /// <param name="storedEndUserId">The end-user's id as stored (the pseudonym when the organisation pseudonymises).</param>
    public async Task<(CampaignServingChoice? Choice, ServingProblem? Problem)> ChooseAsync(
        Guid tenantId, string campaign, string storedEndUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var key = campaign.Trim();
        if (await PlanAsync(tenantId, key, cancellationToken) is not { } plan)
        {
            return Refused(RecommendationServingService.Status404, "Unknown campaign",
                $"This organisation has no campaign \"{key}\". Campaign names are listed on the Campaigns page.");
        }

        var c = plan.Campaign;
        var state = c.EffectiveState(time.GetUtcNow().UtcDateTime);
        if (state != CampaignState.Running)
        {
            // Its members are not needed until it runs again, and then they are worked out afresh.
            _audiences.TryRemove(c.Id, out _);
            return Refused(RecommendationServingService.Status409, "The campaign is not running",
                $"The campaign “{c.Name}” is {Describe(state, c)}, not running (state: {state}). It serves lists only while it runs; until then ask without campaign= for the end-user's usual list.");
        }

        if (c.Channel == CampaignChannel.Email)
        {
            return Refused(RecommendationServingService.Status409, "E-mail campaigns are delivered by export",
                $"“{c.Name}” is an e-mail campaign: e-mail campaigns are delivered by export (on the campaign's page), not through this API.");
        }

        if (plan.SegmentId is not { } segmentId || plan.SegmentDefinitionJson is not { } definition)
        {
            return Refused(RecommendationServingService.Status409, "The campaign has no audience",
                $"The segment of “{c.Name}” was deleted, so the campaign has no audience. Give it a segment on the Campaigns page.");
        }

        var members = await AudienceAsync(tenantId, c.Id, (segmentId, plan.SegmentStamp), definition, cancellationToken);
        if (!members.Contains(storedEndUserId))
        {
            return Refused(RecommendationServingService.Status404, "Not in the campaign's audience",
                $"This end-user is not in the campaign's audience (the segment of “{c.Name}”). Ask again without campaign= for their usual list.");
        }

        var arm = ArmAssignment.Assign(plan.Arms, c.Id, storedEndUserId);
        if (arm.BlendId is not { } blendId)
        {
            return Refused(RecommendationServingService.Status409, "The arm has no blend",
                $"Arm “{arm.Name}” of “{c.Name}” has no blend: its blend was deleted. Pause the campaign and give the arm a blend.");
        }

        var blendName = plan.BlendNames.GetValueOrDefault(blendId, blendId.ToString());
        if (await models.GetAsync(tenantId, blendId.ToString(), cancellationToken) is not { } model)
        {
            return Refused(RecommendationServingService.Status409, "The arm's blend has no active model",
                $"Arm “{arm.Name}” of “{c.Name}” uses the blend “{blendName}”, which has no active model version (or it cannot be loaded). Train and activate a version on the Algorithms page.");
        }

        var decision = await DecisionAsync(tenantId, model.VersionId, cancellationToken);
        if (!decision.Allowed)
        {
            return Refused(RecommendationServingService.Status409, "The arm's model version may not serve",
                $"Arm “{arm.Name}” of “{c.Name}” would serve version {model.VersionNumber} of “{model.BlendName}”, which may not go live: {decision.Reason}");
        }

        return (new CampaignServingChoice(c.Id, c.Name, arm.Id, arm.Name, model, plan.Rules, c.ListSize), null);
    }

    /// <summary>The background refresh of the campaign's audience under way on this node, or a completed task (for tests).</summary>
    internal Task AudienceRefresh(Guid campaignId) => _audiences.TryGetValue(campaignId, out var audience) ? audience.Refreshing : Task.CompletedTask;

    private static (CampaignServingChoice?, ServingProblem?) Refused(int status, string title, string detail) => (null, new ServingProblem(status, title, detail));

    private static string Describe(CampaignState state, Campaign campaign) => state switch
    {
        CampaignState.Draft => "a draft",
        CampaignState.Scheduled => $"scheduled to start on {UtcText.Format(campaign.StartsAtUtc)}",
        CampaignState.Paused => "paused",
        _ => "ended",
    };

    private async Task<CampaignServingPlan?> PlanAsync(Guid tenantId, string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_plans.TryGetValue((tenantId, key), out var cached) && now - cached.LoadedAt < PlanLifetime)
        {
            return cached;
        }

        await using var db = dbFactory.CreateForTenant(tenantId);
        var campaigns = db.Campaigns.AsNoTracking().Include(c => c.Arms);
        var campaign = Guid.TryParse(key, out var id)
            ? await campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : await campaigns.FirstOrDefaultAsync(c => c.Name == key, cancellationToken);
        if (campaign is null)
        {
            // Not kept: a campaign created a moment ago must be found on the next request.
            _plans.TryRemove((tenantId, key), out _);
            return null;
        }

        var segment = campaign.SegmentId is { } segmentId
            ? await db.Segments.AsNoTracking().Where(s => s.Id == segmentId).Select(s => new { s.DefinitionJson, s.ConcurrencyStamp }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var blendIds = campaign.Arms.Where(a => a.BlendId is not null).Select(a => a.BlendId!.Value).ToList();
        var blendNames = await db.Blends.AsNoTracking().Where(b => blendIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var plan = new CampaignServingPlan(
            campaign, [.. campaign.Arms.OrderBy(a => a.Position)], blendNames, CampaignRules.Parse(campaign.RulesJson),
            segment is null ? null : campaign.SegmentId, segment?.ConcurrencyStamp ?? Guid.Empty, segment?.DefinitionJson, now);
        _plans[(tenantId, key)] = plan;
        return plan;
    }

    /// <summary>
    /// The campaign's members: the first request for a segment version waits for them to be worked out; after that
    /// requests never wait, and one past <see cref="AudienceLifetime"/> starts a background refresh.
    /// </summary>
    private async Task<IReadOnlySet<string>> AudienceAsync(
        Guid tenantId, Guid campaignId, (Guid SegmentId, Guid Stamp) segment, string definitionJson, CancellationToken cancellationToken)
    {
        if (!_audiences.TryGetValue(campaignId, out var audience) || audience.Segment != segment)
        {
            lock (_newAudience)
            {
                if (!_audiences.TryGetValue(campaignId, out audience) || audience.Segment != segment)
                {
                    audience = new CampaignServingAudience(segment, Task.Run(() => ReadMembersAsync(tenantId, definitionJson)), time.GetUtcNow());
                    _audiences[campaignId] = audience;
                }
            }
        }

        IReadOnlySet<string> members;
        try
        {
            members = await audience.Members.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed first reading is not kept: the next request tries again.
            _audiences.TryRemove(KeyValuePair.Create(campaignId, audience));
            throw;
        }

        if (time.GetUtcNow() - audience.ReadAt >= AudienceLifetime)
        {
            audience.StartRefresh(() => Task.Run(() => RefreshAsync(tenantId, campaignId, audience, definitionJson)));
        }

        return members;
    }

    private async Task RefreshAsync(Guid tenantId, Guid campaignId, CampaignServingAudience audience, string definitionJson)
    {
        try
        {
            var startedAt = time.GetUtcNow();
            audience.Replace(await ReadMembersAsync(tenantId, definitionJson), startedAt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Requests go on with the members read last; the next request past the lifetime tries again.
            LogRefreshFailed(logger, ex, campaignId, tenantId);
        }
    }

    private async Task<IReadOnlySet<string>> ReadMembersAsync(Guid tenantId, string definitionJson)
    {
        var definition = SegmentDefinition.Parse(definitionJson);
        await using var scope = scopes.CreateAsyncScope();
        var evaluator = scope.ServiceProvider.GetRequiredService<SegmentEvaluator>();
        await using var db = dbFactory.CreateForTenant(tenantId);
        var members = await evaluator.MembersAsync(db, definition, time.GetUtcNow().UtcDateTime, CancellationToken.None);
        return members.StoredIds.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The compliance gate's answer for a version, kept as long as a campaign: a review can block a version that is already active.</summary>
    private async Task<ReleaseDecision> DecisionAsync(Guid tenantId, Guid versionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_decisions.TryGetValue(versionId, out var cached) && now - cached.At < PlanLifetime)
        {
            return cached.Decision;
        }

        await using var db = dbFactory.CreateForTenant(tenantId);
        var version = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        var decision = version is null ? ReleaseDecision.Block("the version no longer exists.") : await gate.CheckAsync(version, cancellationToken);
        _decisions[versionId] = (decision, now);
        return decision;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the audience of campaign {CampaignId} of tenant {TenantId}; serving goes on with the members read before.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, Guid campaignId, Guid tenantId);
}
