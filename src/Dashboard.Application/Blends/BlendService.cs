using System.Globalization;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.ModelStore;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Blends;

/// <summary>
/// The Algorithms page's blends: list, read, add, change (rename included) and delete. A blend is checked
/// against the organisation's data (<see cref="BlendSpec.Validate"/> on its <see cref="DataProfile"/>) and its
/// schedule before it is saved; problems come back as field messages. Every change needs
/// ManageBlendsAndCampaigns, is audited with before and after, and keeps the blend's recurring training in step.
/// </summary>
public sealed class BlendService(
    ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IAuditLog audit, ITrainingSchedules schedules, IModelArtifactStore artifacts, TimeProvider time)
{
    public const int NextRunsShown = 3;

    public async Task<IReadOnlyList<BlendView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var blends = await db.Blends.AsNoTracking().OrderBy(b => b.Name).ToListAsync(cancellationToken);
        var active = blends.Where(b => b.ActiveVersionId != null).Select(b => b.ActiveVersionId!.Value).ToList();
        var numbers = await db.ModelVersions.AsNoTracking().Where(v => active.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Number, cancellationToken);
        return [.. blends.Select(b => ToView(b, b.ActiveVersionId is { } id && numbers.TryGetValue(id, out var n) ? n : null))];
    }

    public async Task<BlendView> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var blend = await LoadAsync(db, id, cancellationToken);
        int? number = blend.ActiveVersionId is { } active
            ? await db.ModelVersions.Where(v => v.Id == active).Select(v => (int?)v.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        return ToView(blend, number);
    }

    /// <summary>What the tenant's data holds now, for the editor to grey out components the data cannot feed.</summary>
    public async Task<DataProfile> DataProfileAsync(CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        return await DataProfileQuery.ComputeAsync(db, cancellationToken);
    }

    public async Task<BlendSaveResult> CreateAsync(BlendInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var now = time.GetUtcNow().UtcDateTime;
        var blend = new Blend { Id = Guid.CreateVersion7(), Name = string.Empty, SpecJson = string.Empty, CreatedAtUtc = now };
        var problems = await ApplyAsync(db, blend, input, cancellationToken);
        if (problems.Count > 0)
        {
            return BlendSaveResult.Refused(problems);
        }

        db.Blends.Add(blend);
        audit.Record(db, caller, AuditActions.BlendCreated, blend.Name, null, Describe(blend));
        await db.SaveChangesAsync(cancellationToken);
        schedules.Apply(caller.TenantId, blend.Id, TrainingScheduleRules.CronFor(blend.Schedule, blend.CronExpression));
        return BlendSaveResult.Saved(blend.Id);
    }

    public async Task<BlendSaveResult> UpdateAsync(Guid id, BlendInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var blend = await db.Blends.FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new NotFoundException("That blend does not exist.");
        if (input.ConcurrencyStamp != blend.ConcurrencyStamp)
        {
            return BlendSaveResult.Refused([new FieldMessage(string.Empty, StaleMessage(blend.Name))]);
        }

        var before = Describe(blend);
        var problems = await ApplyAsync(db, blend, input, cancellationToken);
        if (problems.Count > 0)
        {
            return BlendSaveResult.Refused(problems);
        }

        audit.Record(db, caller, AuditActions.BlendUpdated, blend.Name, before, Describe(blend));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return BlendSaveResult.Refused([new FieldMessage(string.Empty, StaleMessage(blend.Name))]);
        }

        schedules.Apply(caller.TenantId, blend.Id, TrainingScheduleRules.CronFor(blend.Schedule, blend.CronExpression));
        return BlendSaveResult.Saved(blend.Id);
    }

    /// <summary>Deletes the blend, its versions and their artifacts (models and audit snapshots), and its schedule. Its model stops serving.</summary>
    public async Task<Result> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var blend = await db.Blends.FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new NotFoundException("That blend does not exist.");
        if (await Training.ModelTrainingService.RunningAsync(db, id, null, cancellationToken) is not null)
        {
            return Result.Failure($"A training of “{blend.Name}” is running. Wait for it to finish, then delete the blend.");
        }

        if (await LiveCampaignsAsync(db, id, cancellationToken) is { Count: > 0 } campaigns)
        {
            return Result.Failure($"“{blend.Name}” serves {Campaigns.CampaignService.Names("campaign", "campaigns", campaigns)} (scheduled, running or paused). "
                + "End those campaigns or give their arms another blend first, then delete the blend.");
        }

        var artifactIds = (await db.ModelVersions.Where(v => v.BlendId == id).Select(v => new { v.ArtifactId, v.AuditSnapshotArtifactId }).ToListAsync(cancellationToken))
            .SelectMany(v => Fairness.AuditSnapshotArtifact.Of(v.ArtifactId, v.AuditSnapshotArtifactId)).ToList();

        // The database deletes the versions with the blend (cascade), in the same statement: never one without the other.
        db.Blends.Remove(blend);
        audit.Record(db, caller, AuditActions.BlendDeleted, blend.Name, Describe(blend), null);
        await db.SaveChangesAsync(cancellationToken);
        schedules.Apply(caller.TenantId, id, null);
        foreach (var artifactId in artifactIds)
        {
            await artifacts.DeleteAsync(caller.TenantId, artifactId, CancellationToken.None);
        }

        return Result.Success;
    }

    /// <summary>Campaigns not yet ended with an arm on the blend: deleting it would leave them serving nothing. Drafts and ended campaigns just show "blend deleted".</summary>
    private async Task<List<string>> LiveCampaignsAsync(IAppDbContext db, Guid blendId, CancellationToken cancellationToken)
    {
        var candidates = await db.Campaigns.AsNoTracking()
            .Where(c => (c.State == CampaignState.Scheduled || c.State == CampaignState.Running || c.State == CampaignState.Paused) && c.Arms.Any(a => a.BlendId == blendId))
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return [.. candidates.Where(c => c.EffectiveState(now) != CampaignState.Ended).Select(c => c.Name).Order(StringComparer.Ordinal)];
    }

    private async Task<List<FieldMessage>> ApplyAsync(IAppDbContext db, Blend blend, BlendInput input, CancellationToken cancellationToken)
    {
        var problems = new List<FieldMessage>();
        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length == 0 || name.Length > Blend.NameMaxLength)
        {
            problems.Add(new(nameof(BlendInput.Name), $"Give the blend a name of 1 to {Blend.NameMaxLength} characters."));
        }
        else if (await db.Blends.AnyAsync(b => b.Name == name && b.Id != blend.Id, cancellationToken))
        {
            problems.Add(new(nameof(BlendInput.Name), $"There is already a blend named “{name}”."));
        }

        if (input.Spec is null)
        {
            problems.Add(new(nameof(BlendInput.Spec), "The blend has no settings."));
        }
        else
        {
            var profile = await DataProfileQuery.ComputeAsync(db, cancellationToken);
            problems.AddRange(input.Spec.Validate(profile).Select(p => new FieldMessage($"{nameof(BlendInput.Spec)}.{p.Field}", p.Message)));
        }

        if (!Enum.IsDefined(input.Schedule))
        {
            problems.Add(new(nameof(BlendInput.Schedule), "Choose when the blend is trained: by hand, hourly, nightly, weekly or on a cron schedule."));
        }
        else if (TrainingScheduleRules.Validate(input.Schedule, input.CronExpression) is { } cron)
        {
            problems.Add(new(nameof(BlendInput.CronExpression), cron));
        }

        if (!(input.AutoActivateMargin >= 0 && input.AutoActivateMargin <= 1))
        {
            problems.Add(new(nameof(BlendInput.AutoActivateMargin), "The margin must be between 0 and 1 (NDCG@10 points a new version may lose and still go live)."));
        }

        if (input.KeepVersions is < 1 or > BlendDefaults.MaxKeepVersions)
        {
            problems.Add(new(nameof(BlendInput.KeepVersions), $"Keep between 1 and {BlendDefaults.MaxKeepVersions} versions."));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        blend.Name = name;
        blend.SpecJson = input.Spec!.ToJson();
        blend.Schedule = input.Schedule;
        blend.CronExpression = input.Schedule == TrainingSchedule.Cron ? input.CronExpression!.Trim() : null;
        blend.AutoActivate = input.AutoActivate;
        blend.AutoActivateMargin = input.AutoActivateMargin;
        blend.KeepVersions = input.KeepVersions;
        blend.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        blend.ConcurrencyStamp = Guid.NewGuid();
        return problems;
    }

    private BlendView ToView(Blend b, int? activeNumber) => new(
        b.Id, b.Name, BlendSpec.FromJson(b.SpecJson), b.Schedule, b.CronExpression, TrainingScheduleRules.Describe(b.Schedule, b.CronExpression),
        TrainingScheduleRules.NextRuns(b.Schedule, b.CronExpression, time.GetUtcNow().UtcDateTime, NextRunsShown),
        b.AutoActivate, b.AutoActivateMargin, b.KeepVersions, b.ActiveVersionId, activeNumber, b.UpdatedAtUtc, b.ConcurrencyStamp);

    /// <summary>The blend's settings in readable words, for the audit log's before and after.</summary>
    private static string Describe(Blend blend)
    {
        var spec = BlendSpec.FromJson(blend.SpecJson);
        var components = string.Join(", ", spec.Components.Select(c => $"{c.Kind} {c.Weight.ToString("0.##", CultureInfo.InvariantCulture)}"));
        var weights = string.Join(", ", spec.EventWeights.OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => $"{w.Key} {w.Value.ToString("0.##", CultureInfo.InvariantCulture)}"));
        return AuditFields.Write(
            ("Name", blend.Name),
            ("Components", components.Length > 0 ? components : "none"),
            ("Interaction weights", weights),
            ("Normalisation", spec.Normalization.ToString()),
            ("Re-ranking", Rerank(spec.Rerank)),
            ("List size", spec.ListSize.ToString(CultureInfo.InvariantCulture)),
            ("Popularity for new end-users", spec.PopularityFallback ? "yes" : "no"),
            ("Training", TrainingScheduleRules.Describe(blend.Schedule, blend.CronExpression)),
            ("Automatic activation", blend.AutoActivate
                ? $"when NDCG@10 is at most {blend.AutoActivateMargin.ToString("0.###", CultureInfo.InvariantCulture)} below the active version's"
                : "off"),
            ("Versions kept", blend.KeepVersions.ToString(CultureInfo.InvariantCulture)));
    }

    private static string Rerank(RerankSpec rerank) => string.Join(", ", new[]
    {
        rerank.ExcludeSeen ? "already-seen items left out" : "already-seen items kept",
        rerank.MmrLambda < 1 ? $"diversity λ {rerank.MmrLambda.ToString("0.##", CultureInfo.InvariantCulture)}" : "no diversity re-ranking",
        rerank.MaxPerCategory is { } cap ? $"at most {cap} per category" : "no category cap",
        rerank.LongTailBoost > 0 ? $"long-tail boost {rerank.LongTailBoost.ToString("0.##", CultureInfo.InvariantCulture)}" : "no long-tail boost",
    });

    private static string StaleMessage(string name) => $"“{name}” was changed by someone else since you opened it; reload it to see their change, then make yours again.";

    private static async Task<Blend> LoadAsync(IAppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Blends.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new NotFoundException("That blend does not exist.");

    private Task<CallerContext> ReaderAsync(CancellationToken cancellationToken) => currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);

    private Task<CallerContext> ManagerAsync(CancellationToken cancellationToken) => currentUser.DemandAsync(Policies.ManageBlendsAndCampaigns, cancellationToken);
}
