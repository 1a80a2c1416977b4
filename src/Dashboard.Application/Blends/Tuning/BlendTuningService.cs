using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Blends.Tuning;

/// <summary>
/// "Tune weights" on a blend: queues a <see cref="TuneBlendJobHandler"/> run (one at a time per blend),
/// reads the latest result, and applies or dismisses it. Applying goes through <see cref="BlendService"/>,
/// so the new weights are validated, saved and audited like any change to the blend, and is then audited
/// once more as a change by tuning with the weights before and after.
/// </summary>
public sealed class BlendTuningService(
    ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IJobScheduler scheduler, ILiveJobProgress live, BlendService blends, IAuditLog audit)
{
    public async Task<TuningRequest> StartAsync(Guid blendId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageBlendsAndCampaigns);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var blend = await db.Blends.AsNoTracking().FirstOrDefaultAsync(b => b.Id == blendId, cancellationToken)
            ?? throw new NotFoundException("That blend does not exist.");
        if (await RunningAsync(db, blend.Id, null, cancellationToken) is { } running)
        {
            return new TuningRequest(false, running.Id, AlreadyRunning(blend.Name, running));
        }

        if (BlendSpec.FromJson(blend.SpecJson).Components.Count < 2)
        {
            throw new ValidationException($"“{blend.Name}” has one component; add another to have weights to tune.");
        }

        var run = scheduler.Enqueue(db, new TuneBlendParameters(blend.Id), caller);
        await db.SaveChangesAsync(cancellationToken);
        return new TuningRequest(true, run.Id, $"Tuning the weights of “{blend.Name}”; the result appears here when it is done.");
    }

    /// <summary>The blend's latest tuning run in any state, with its live progress while it runs, for the panel to follow; null when it was never tuned.</summary>
    public async Task<JobRunView?> LatestRunAsync(Guid blendId, CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var marker = BlendMarker(blendId);
        var run = await db.JobRuns.AsNoTracking()
            .Where(j => j.Kind == JobKind.TuneBlend && j.ParametersJson != null && j.ParametersJson.Contains(marker))
            .OrderByDescending(j => j.QueuedAtUtc).ThenByDescending(j => j.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return run is null ? null
            : run.State == JobState.Running && live.TryGet(run.Id, out var progress) ? JobRunView.From(run, progress) : JobRunView.From(run);
    }

    /// <summary>The latest tuning of the blend, or null when it has none.</summary>
    public async Task<WeightTuningView?> LatestAsync(Guid blendId, CancellationToken cancellationToken = default)
    {
        var caller = await ReaderAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var tuning = await db.WeightTunings.AsNoTracking().Where(t => t.BlendId == blendId)
            .OrderByDescending(t => t.CreatedAtUtc).ThenByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (tuning is null)
        {
            return null;
        }

        var blend = await db.Blends.AsNoTracking().FirstAsync(b => b.Id == blendId, cancellationToken);
        return ToView(tuning, BlendSpec.FromJson(blend.SpecJson));
    }

    /// <summary>Writes the chosen weights to the blend; refused when the blend's components changed since the tuning.</summary>
    public async Task<BlendSaveResult> ApplyAsync(Guid tuningId, CancellationToken cancellationToken = default)
    {
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var tuning = await db.WeightTunings.FirstOrDefaultAsync(t => t.Id == tuningId, cancellationToken)
            ?? throw new NotFoundException("That tuning no longer exists.");
        var view = await blends.GetAsync(tuning.BlendId, cancellationToken);
        var result = ToView(tuning, view.Spec);
        if (!result.CanApply)
        {
            return BlendSaveResult.Refused([new FieldMessage(string.Empty, tuning.Status != WeightTuningStatus.Proposed
                ? "This tuning was already applied or dismissed."
                : $"The components of “{view.Name}” changed since the tuning; tune again.")]);
        }

        var tuned = new TunedWeights(Weights(tuning), tuning.CurrentNdcg, tuning.ChosenNdcg, BlendTuner.K, tuning.ValidationUsers);
        var saved = await blends.UpdateAsync(
            view.Id,
            new BlendInput(view.Name, tuned.Apply(view.Spec), view.Schedule, view.CronExpression, view.AutoActivate, view.AutoActivateMargin, view.KeepVersions, view.ConcurrencyStamp),
            cancellationToken);
        if (!saved.Succeeded)
        {
            return saved;
        }

        tuning.Status = WeightTuningStatus.Applied;
        audit.Record(db, caller, AuditActions.BlendWeightsTuned, view.Name,
            Describe(result.Components.Select(c => (c.Name, c.CurrentWeight)), tuning.CurrentNdcg),
            Describe(result.Components.Select(c => (c.Name, c.ChosenWeight)), tuning.ChosenNdcg));
        await db.SaveChangesAsync(cancellationToken);
        return saved;
    }

    /// <summary>Keeps the blend's weights; the tuning is no longer offered.</summary>
    public async Task DismissAsync(Guid tuningId, CancellationToken cancellationToken = default)
    {
        var caller = await ManagerAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var tuning = await db.WeightTunings.FirstOrDefaultAsync(t => t.Id == tuningId, cancellationToken)
            ?? throw new NotFoundException("That tuning no longer exists.");
        if (tuning.Status == WeightTuningStatus.Proposed)
        {
            tuning.Status = WeightTuningStatus.Dismissed;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The queued or running tuning of the blend, if any (the one-at-a-time rule).</summary>
    public static Task<JobRun?> RunningAsync(IAppDbContext db, Guid blendId, Guid? other, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var marker = BlendMarker(blendId);
        return db.JobRuns.AsNoTracking()
            .Where(j => j.Kind == JobKind.TuneBlend && (j.State == JobState.Queued || j.State == JobState.Running)
                && j.ParametersJson != null && j.ParametersJson.Contains(marker) && (other == null || j.Id != other))
            .OrderBy(j => j.QueuedAtUtc).ThenBy(j => j.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A sentence naming the tuning already under way.</summary>
    public static string AlreadyRunning(string blendName, JobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var at = (run.StartedAtUtc ?? run.QueuedAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var state = run.State == JobState.Running ? "started" : "queued";
        return $"A tuning of “{blendName}” is already running: {state} by {run.RequestedBy ?? "someone"} at {at} UTC. Wait for it to finish.";
    }

    /// <summary>The blend id as it appears in a run's stored parameters (System.Text.Json writes Guids in this form).</summary>
    private static string BlendMarker(Guid blendId) => $"\"BlendId\":\"{blendId:D}\"";

    private static WeightTuningView ToView(WeightTuning tuning, BlendSpec blendNow)
    {
        var tuned = BlendSpec.FromJson(tuning.SpecJson);
        var weights = Weights(tuning);
        var rows = tuned.Components.Select((c, i) => new TunedComponentView(
            ComponentCatalog.Describe(c.Kind).DisplayName, c.Weight, i < weights.Count ? weights[i] : 0)).ToList();
        return new WeightTuningView(
            tuning.Id, tuning.BlendId, rows, tuning.CurrentNdcg, tuning.ChosenNdcg, tuning.ValidationUsers, tuning.CreatedAtUtc, tuning.Status,
            !tuned.Components.SequenceEqual(blendNow.Components));
    }

    private static List<double> Weights(WeightTuning tuning) => JsonSerializer.Deserialize<List<double>>(tuning.ChosenWeightsJson) ?? [];

    private static string Describe(IEnumerable<(string Name, double Weight)> weights, double ndcg) =>
        string.Join(", ", weights.Select(w => $"{w.Name} {w.Weight.ToString("0.##", CultureInfo.InvariantCulture)}"))
        + $" (NDCG@10 {ndcg.ToString("0.0000", CultureInfo.InvariantCulture)} on the validation part)";

    private Task<CallerContext> ReaderAsync(CancellationToken cancellationToken) => currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);

    private Task<CallerContext> ManagerAsync(CancellationToken cancellationToken) => currentUser.DemandAsync(Policies.ManageBlendsAndCampaigns, cancellationToken);
}
