using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dashboard.Application.Auditing;
using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Privacy;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Privacy;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Demo;

/// <summary>
/// The demo's running A/B campaign, so the campaign and metrics pages show something real on first start. Once the
/// seeded history (<see cref="DemoHistory"/>) has put "Default" live, the demo set-up adds a second blend,
/// <see cref="BlendName"/> (popularity only), and trains it; its audit is handled as the history handles Default's
/// (approved by the demo set-up with a justification saying so when it is held back). With both live it writes, in
/// one save: the segment <see cref="SegmentName"/>, the web campaign <see cref="CampaignName"/> running an A/B test
/// 50/50 of the two blends since <see cref="DemoCampaignFeedback.Days"/> days ago, its audit entries, and those days
/// of simulated lists and feedback (<see cref="DemoCampaignFeedback"/>). Every step reads where things stand from the
/// database, so a restart resumes and nothing is written twice; a campaign once seeded is never seeded again, even
/// if someone deletes it.
/// </summary>
/// <remarks>
/// The simulated clicks and conversions are campaign feedback only, not interactions: written as interactions they
/// would reach whichever training ran next, and the seeded history's second version of Default would then depend on
/// which job the job server happened to run first.
/// </remarks>
public sealed class DemoCampaign(
    DashboardDbContext db,
    ITenantDbContextFactory tenants,
    IJobScheduler scheduler,
    ModelActivation activation,
    IActiveModelCache models,
    SegmentEvaluator segments,
    IPseudonymizer pseudonymizer,
    IAuditLog audit,
    IOptions<DemoOptions> demo,
    TimeProvider time,
    ILogger<DemoCampaign> logger)
{
    public const string BlendName = "Popular picks";
    public const string SegmentName = "Active shoppers";
    public const string CampaignName = "Spring picks";
    public const int ListSize = 8;
    public const int MaxPerCategory = 3;

    private const int SaveChunk = 128;

    /// <summary>How long the campaign runs from its start, fourteen days ago: it stays running for four more weeks.</summary>
    public const int RunsForDays = 42;

    /// <summary>What "Popular picks"' review says when its audit held it back; an auditor reading it must not mistake it for a person's decision.</summary>
    public const string Justification =
        "Seeded demo history: approved automatically by the demo set-up, not by a person, so that the demo's campaign “Spring picks” can " +
        "compare this popularity-only blend with “Default”. The bias audit's blocking findings are real and shown beside this decision.";

    public async Task<DemoCampaignStep> AdvanceAsync(CancellationToken cancellationToken = default)
    {
        var options = demo.Value;
        if (!options.Enabled)
        {
            return DemoCampaignStep.NoDemo;
        }

        var tenantId = await db.Tenants.AsNoTracking().Where(t => t.Name == options.OrganisationName).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (tenantId is not { } tenant)
        {
            return DemoCampaignStep.NoDemo;
        }

        await using var tenantDb = tenants.CreateForTenant(tenant);
        if (!await tenantDb.JobRuns.AnyAsync(j => j.Kind == JobKind.TrainModel && j.RequestedBy == DemoSeeder.Actor, cancellationToken))
        {
            return DemoCampaignStep.NoDemo;
        }

        if (await DoneBeforeAsync(tenantDb, AuditActions.CampaignCreated, CampaignName, cancellationToken)
            || await tenantDb.Campaigns.AnyAsync(c => c.Name == CampaignName, cancellationToken))
        {
            return DemoCampaignStep.Done;
        }

        var caller = CallerContext.ForSystem(tenant, DemoSeeder.Actor);
        var standard = await tenantDb.Blends.FirstOrDefaultAsync(b => b.Name == BlendDefaults.DefaultBlendName, cancellationToken);
        if (standard?.ActiveVersionId is null)
        {
            return Stop($"“{BlendDefaults.DefaultBlendName}” has no live version");
        }

        var popular = await tenantDb.Blends.FirstOrDefaultAsync(b => b.Name == BlendName, cancellationToken);
        if (popular is null)
        {
            return await DoneBeforeAsync(tenantDb, AuditActions.BlendCreated, BlendName, cancellationToken)
                ? Stop($"the demo's blend “{BlendName}” was deleted")
                : await AddPopularPicksAsync(tenantDb, caller, cancellationToken);
        }

        if (popular.ActiveVersionId is null && await MakeLiveAsync(tenantDb, popular, caller, cancellationToken) is { } notYet)
        {
            return notYet;
        }

        return await SeedAsync(tenantDb, tenant, standard, popular, caller, cancellationToken);
    }

    private async Task<DemoCampaignStep> AddPopularPicksAsync(IAppDbContext tenantDb, CallerContext caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var blend = BlendDefaults.CreateDefault(now);
        blend.Name = BlendName;
        blend.SpecJson = new BlendSpec { Components = [new ComponentSpec(ComponentKind.Popularity, 1)] }.ToJson();
        tenantDb.Blends.Add(blend);
        audit.Record(tenantDb, caller, AuditActions.BlendCreated, blend.Name, null, AuditFields.Write(
            ("Name", blend.Name), ("Components", "Popularity 1"), ("Training", "when someone asks"), ("Automatic activation", "on")));
        scheduler.Enqueue(tenantDb, new TrainModelParameters(blend.Id), caller);
        await tenantDb.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo campaign: the blend \"{Blend}\" was added and its training queued.", BlendName);
        return DemoCampaignStep.PopularPicksQueued;
    }

    /// <summary>Takes "Popular picks"' version live as the seeded history does Default's; null once it is live, else the step to report.</summary>
    private async Task<DemoCampaignStep?> MakeLiveAsync(IAppDbContext tenantDb, Blend popular, CallerContext caller, CancellationToken cancellationToken)
    {
        var version = await tenantDb.ModelVersions.Where(v => v.BlendId == popular.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            var trainings = (await tenantDb.JobRuns.AsNoTracking()
                    .Where(j => j.Kind == JobKind.TrainModel)
                    .Select(j => new { j.State, j.ParametersJson })
                    .ToListAsync(cancellationToken))
                .Where(j => JobParameters.Read<TrainModelParameters>(j.ParametersJson).BlendId == popular.Id)
                .ToList();
            return trainings.Count == 0 || trainings.All(j => j.State is JobState.Failed or JobState.Cancelled or JobState.Succeeded)
                ? Stop($"the training of “{BlendName}” failed or was cancelled")
                : DemoCampaignStep.WaitingForPopularPicks;
        }

        switch (version.Review)
        {
            case ReleaseReview.AwaitingAudit:
                return await DemoHistory.AuditFailedAsync(tenantDb, version.Id, cancellationToken)
                    ? Stop($"the bias audit of “{BlendName}” failed")
                    : DemoCampaignStep.WaitingForPopularPicks;
            case ReleaseReview.AwaitingReview:
                if (!await DemoHistory.ApproveAsync(tenantDb, audit, popular, version, caller, Justification, time.GetUtcNow().UtcDateTime, cancellationToken))
                {
                    return DemoCampaignStep.WaitingForPopularPicks;
                }

                break;
            case ReleaseReview.Rejected:
                return Stop($"a person rejected version {version.Number} of “{BlendName}”");
            case ReleaseReview.Cleared:
                // A cleared version goes live by itself at the end of its audit's run: let that run finish first.
                if ((await DemoHistory.AuditRunsAsync(tenantDb, version.Id, cancellationToken)).Any(state => state is JobState.Queued or JobState.Running))
                {
                    return DemoCampaignStep.WaitingForPopularPicks;
                }

                break;
        }

        var activated = await activation.ActivateAsync(tenantDb, popular, version, caller, AuditActions.ModelVersionActivated, cancellationToken);
        return activated.Succeeded ? null : Stop($"“{BlendName}” could not be activated: " + string.Join(" ", activated.Errors));
    }

    private async Task<DemoCampaignStep> SeedAsync(IAppDbContext tenantDb, Guid tenant, Blend standard, Blend popular, CallerContext caller, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var armA = await models.GetAsync(tenant, standard.Id.ToString(), cancellationToken);
        var armB = await models.GetAsync(tenant, popular.Id.ToString(), cancellationToken);
        var source = await tenantDb.DataSources.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Name == DemoSeeder.SourceName && s.Kind == DataSourceKind.SampleData, cancellationToken);
        if (armA is null || armB is null || source?.SampleOptionsJson is null || !SampleCatalogTemplates.TryGet(source.SampleTemplate, out var template))
        {
            return Stop(armA is null || armB is null ? "a live version could not be loaded" : "the demo's sample-data source is gone");
        }

        var sample = JsonSerializer.Deserialize<SampleDataOptions>(source.SampleOptionsJson)!;
        var tastes = new SampleDataGenerator(template).Tastes(sample, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var today = now.Date;

        var definition = new SegmentDefinition(SegmentMatch.All,
        [
            new SegmentGroup(SegmentMatch.All,
            [
                new SegmentRule(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, Number: 1),
                new SegmentRule(SegmentRuleKind.Consent, SegmentOperator.Is, Key: ConsentPurpose.Personalisation),
            ]),
        ]);
        var segment = await tenantDb.Segments.FirstOrDefaultAsync(s => s.Name == SegmentName, cancellationToken);
        if (segment is null)
        {
            segment = new Segment
            {
                Id = Guid.CreateVersion7(), Name = SegmentName, Description = "End-users who bought at least once and allow personalised lists.",
                DefinitionJson = definition.ToJson(), CreatedAtUtc = now, UpdatedAtUtc = now, ConcurrencyStamp = Guid.NewGuid(),
            };
            tenantDb.Segments.Add(segment);
            audit.Record(tenantDb, caller, AuditActions.SegmentCreated, segment.Name, null, AuditFields.Write(
                ("Name", segment.Name), ("Rules", "at least 1 purchase, and consent to Personalisation")));
        }

        var campaign = NewCampaign(segment.Id, standard, popular, today, now);
        tenantDb.Campaigns.Add(campaign);
        audit.Record(tenantDb, caller, AuditActions.CampaignCreated, campaign.Name, null, AuditFields.Write(
            ("Name", campaign.Name), ("Goal", "clicks"), ("Channel", "web"), ("Segment", segment.Name),
            ("List size", ListSize.ToString(CultureInfo.InvariantCulture)), ("Rules", $"at most {MaxPerCategory} per category"),
            ("Dates", $"{UtcText.Format(campaign.StartsAtUtc)} to {UtcText.Format(campaign.EndsAtUtc!.Value)}")));
        audit.Record(tenantDb, caller, AuditActions.CampaignStarted, campaign.Name, null,
            $"arm A (blend “{standard.Name}”, 50 %) and arm B (blend “{popular.Name}”, 50 %)");

        var prepared = clock.ElapsedMilliseconds;
        var members = await MembersAsync(tenantDb, tenant, definition, tastes, now, cancellationToken);
        var found = clock.ElapsedMilliseconds;
        var items = await tenantDb.Items.AsNoTracking().Select(i => new { i.ExternalId, i.Id }).ToDictionaryAsync(i => i.ExternalId, i => i.Id, cancellationToken);
        var simulation = DemoCampaignFeedback.Simulate(campaign,
            [new DemoCampaignArmModel(campaign.Arms[0], armA.BlendId, armA.VersionId, armA.Model), new DemoCampaignArmModel(campaign.Arms[1], armB.BlendId, armB.VersionId, armB.Model)],
            members, items, tastes, sample.Seed, today);
        var simulated = clock.ElapsedMilliseconds;

        // One transaction: the campaign never exists without its history, nor the history without it.
        var context = (DbContext)tenantDb;
        await using (var transaction = await context.Database.BeginTransactionAsync(cancellationToken))
        {
            await tenantDb.SaveChangesAsync(cancellationToken);
            await SaveInChunksAsync(context, tenantDb.ServedRecommendations, simulation.Served, cancellationToken);
            await SaveInChunksAsync(context, tenantDb.RecommendationFeedback, simulation.Feedback, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation(
            "Demo campaign: \"{Campaign}\" is running on \"{Segment}\" ({Members} end-users) with {Lists} simulated lists and {Feedback} feedback rows over {Days} days, in {Milliseconds} ms (models and tastes {Prepared} ms, segment {Segment} ms, simulation {Simulation} ms, save {Save} ms).",
            CampaignName, SegmentName, members.Count, simulation.Served.Count, simulation.Feedback.Count, DemoCampaignFeedback.Days, clock.ElapsedMilliseconds,
            prepared, found - prepared, simulated - found, clock.ElapsedMilliseconds - simulated);
        return DemoCampaignStep.CampaignSeeded;
    }

    /// <summary>Saves <paramref name="rows"/> a hundred or so at a time, clearing the change tracker between saves so each stays small.</summary>
    private static async Task SaveInChunksAsync<T>(DbContext context, DbSet<T> set, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        for (var start = 0; start < rows.Count; start += SaveChunk)
        {
            set.AddRange(rows.Skip(start).Take(SaveChunk));
            await context.SaveChangesAsync(cancellationToken);
            context.ChangeTracker.Clear();
        }
    }

    private static Campaign NewCampaign(Guid segmentId, Blend standard, Blend popular, DateTime today, DateTime now)
    {
        var id = Guid.CreateVersion7();
        var start = today.AddDays(-DemoCampaignFeedback.Days);
        return new Campaign
        {
            Id = id,
            Name = CampaignName,
            Goal = CampaignGoal.Clicks,
            Channel = CampaignChannel.Web,
            SegmentId = segmentId,
            RulesJson = new CampaignRules { MaxPerCategory = MaxPerCategory }.ToJson(),
            ListSize = ListSize,
            StartsAtUtc = start,
            EndsAtUtc = start.AddDays(RunsForDays),
            State = CampaignState.Running,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            ConcurrencyStamp = Guid.NewGuid(),
            Arms =
            [
                new CampaignArm { Id = Guid.CreateVersion7(), CampaignId = id, Name = "A", BlendId = standard.Id, SharePercent = 50, Position = 0 },
                new CampaignArm { Id = Guid.CreateVersion7(), CampaignId = id, Name = "B", BlendId = popular.Id, SharePercent = 50, Position = 1 },
            ],
        };
    }

    /// <summary>The segment's members with their place in the generated data, found through the id each was stored under.</summary>
    private async Task<List<DemoCampaignMember>> MembersAsync(
        IAppDbContext tenantDb, Guid tenant, SegmentDefinition definition, SampleTastes tastes, DateTime now, CancellationToken cancellationToken)
    {
        var sampleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var u = 0; u < tastes.UserCount; u++)
        {
            sampleIndex[await pseudonymizer.StoredEndUserIdAsync(tenant, tastes.UserId(u), cancellationToken)] = u;
        }

        var members = await segments.MembersAsync(tenantDb, definition, now, cancellationToken);
        var result = new List<DemoCampaignMember>(members.Count);
        for (var m = 0; m < members.Count; m++)
        {
            var stored = members.StoredIds[m];
            result.Add(new DemoCampaignMember(members.EndUserIds[m], stored, sampleIndex.TryGetValue(stored, out var u) ? u : null));
        }

        return result;
    }

    private static Task<bool> DoneBeforeAsync(IAppDbContext tenantDb, string action, string subject, CancellationToken cancellationToken) =>
        tenantDb.AuditLog.AnyAsync(e => e.Action == action && e.Subject == subject && e.UserName == DemoSeeder.Actor, cancellationToken);

    private DemoCampaignStep Stop(string why)
    {
        logger.LogWarning("Demo campaign stopped: {Why}. The demo organisation works, but without its running campaign.", why);
        return DemoCampaignStep.Stopped;
    }
}
