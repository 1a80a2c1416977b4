using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Diagnostics;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.Fairness;
using Dashboard.Application.Jobs;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Erasure;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Privacy;
using Dashboard.Recommender.Fairness;
using Dashboard.Recommender.Privacy;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Application.Training;

/// <summary>
/// Trains one blend: reads the data the consent gate allows, holds out each end-user's latest 20 %, fits and
/// evaluates on that split, refits on all data, stores the artifact and then writes the version row in one
/// transaction. The artifact's id is the run's id, so anything a failed or killed run stored can be found and
/// deleted; until the row is written nothing else changed, and the active version keeps serving.
/// </summary>
public sealed class TrainModelJobHandler(
    ITenantDbContextFactory dbFactory,
    IConsentGate consentGate,
    IAttributeValueProtector attributeValues,
    IModelArtifactStore store,
    IJobScheduler scheduler,
    StoredModelEraser erasure,
    TimeProvider time,
    ILogger<TrainModelJobHandler> logger) : JobHandler<TrainModelParameters>
{
    public const int MetricCutOff = 10;

    /// <summary>Why a training (or tuning) read no data at all: nobody has Personalisation consent.</summary>
    public const string NobodyConsented =
        "No end-user has Personalisation consent, so there is nothing this organisation may train on. Import consent records " +
        "(a consent dataset in a data source, or POST /api/v1/consents), or, if your notice allows it, switch on " +
        "“No record means consented” on the Privacy page; then train again.";
    private const int Attempts = 3;

    /// <summary>The funnel step and the conversion the audit compares outcome rates of (purchases per add-to-cart).</summary>
    private static readonly OutcomeNames Outcomes = new(EventTypes.AddToCart, EventTypes.Purchase);
    private static readonly TimeSpan WaitPoll = TimeSpan.FromSeconds(1);

    public override string Name => "Train model";

    public override string RequiredPolicy => Policies.ManageBlendsAndCampaigns;

    private readonly List<(string Stage, TimeSpan Took)> _stages = [];
    private (string Stage, Stopwatch Clock)? _current;

    /// <summary>Per-stage wall-clock times of the last run in this instance (what the benchmark prints).</summary>
    public IReadOnlyList<(string Stage, TimeSpan Took)> StageTimes => _stages;

    /// <summary>
    /// Deletes the artifacts the run may have stored — its model (the run's id) and its audit snapshot (an id derived
    /// from the run's) — unless a version row refers to them.
    /// </summary>
    public override async Task<string> CleanUpInterruptedAsync(InterruptedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var db = dbFactory.CreateForTenant(job.TenantId);
        // By the run, not the artifact id: an erasure may have given the version a rewritten artifact since.
        if (!await db.ModelVersions.AnyAsync(v => v.JobRunId == job.JobRunId || v.ArtifactId == job.JobRunId, cancellationToken))
        {
            await store.DeleteAsync(job.TenantId, job.JobRunId, cancellationToken);
            await store.DeleteAsync(job.TenantId, AuditSnapshotArtifact.IdFor(job.JobRunId), cancellationToken);
            return "No model version was written and the active version is unchanged; train again.";
        }

        return "The model version had been written before the interruption; see the blend's versions.";
    }

    protected override async Task RunAsync(JobContext context, TrainModelParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var ct = context.CancellationToken;
        _stages.Clear();
        var total = Stopwatch.StartNew();
        if (parameters.AfterJobRunId is { } after)
        {
            await WaitForAsync(context, after);
        }

        Blend blend;
        int idGeneration;
        Dictionary<string, (GeneralisationKind Kind, int Parameter)> generalisations;
        await using (var db = dbFactory.CreateForTenant(context.TenantId))
        {
            blend = await db.Blends.AsNoTracking().FirstOrDefaultAsync(b => b.Id == parameters.BlendId, ct)
                ?? throw new NotFoundException("The blend to train no longer exists.");
            await RefuseSecondRunAsync(db, blend, context.JobRunId, ct);
            idGeneration = await PseudonymGeneration.ReadAsync(db, ct);
            generalisations = await db.AttributeGeneralisations.AsNoTracking()
                .ToDictionaryAsync(g => g.AttributeKey, g => (g.Kind, g.Parameter), StringComparer.Ordinal, ct);
        }

        var spec = BlendSpec.FromJson(blend.SpecJson);
        var asOf = time.GetUtcNow().UtcDateTime;

        Stage(context, 0, "Reading data");
        var consent = await consentGate.EndUsersAllowedAsync(context.TenantId, ConsentPurpose.Personalisation, asOf, ct);
        var (data, sensitive, excluded) = await RetryAsync(async () =>
        {
            await using var db = dbFactory.CreateForTenant(context.TenantId);
            return await TrainingDataReader.ReadAsync(db, consent, attributeValues, new InlineProgress<int>(n => context.Progress.Report(new(Math.Min(19, n / 100_000), $"Reading data: {n:N0} interactions"))), ct);
        }, ct);
        // Data that nobody may be trained on is a consent matter, not a lack of data: say so, and what to do.
        if (data.Count == 0 && excluded > 0)
        {
            throw new ValidationException(NobodyConsented);
        }

        var problems = spec.Validate(data.Profile());
        if (problems.Count > 0)
        {
            throw new ValidationException($"“{blend.Name}” cannot be trained on this data: {string.Join(" ", problems.Select(p => p.Message))}");
        }

        Stage(context, 20, "Splitting: each end-user's latest 20 % held out");
        var (train, test) = TimeSplit.Split(data);
        var trainer = new BlendTrainer();

        Stage(context, 25, "Fitting on the training part");
        var evaluationModel = Fit(trainer, train, spec, context, 25, 55);

        Stage(context, 55, "Evaluating on the held-out part");
        var evaluation = trainer.Evaluate(evaluationModel, test, MetricCutOff, sensitive.Count > 0 ? sensitive : null, evaluateComponents: true, ct);
        ct.ThrowIfCancellationRequested();

        var artifactId = context.JobRunId;
        var snapshotId = AuditSnapshotArtifact.IdFor(context.JobRunId);
        try
        {
            Stage(context, 60, "Keeping the held-out lists for the bias audit");
            var (groups, generalised) = Generalise(sensitive, generalisations);
            var snapshot = AuditSnapshot.Build(evaluationModel, train, test, MetricCutOff, groups.Count > 0 ? groups : null, Outcomes, cancellationToken: ct);
            evaluationModel = null;
            train = test = null;
            await SaveAsync(context.TenantId, snapshotId, stream => StoredAuditSnapshot.Write(stream, snapshot, generalised), ct);
            snapshot = null;

            Stage(context, 65, "Refitting on all data");
            var model = Fit(trainer, data, spec, context, 65, 90);

            Stage(context, 90, "Storing the model");
            // End-users erased while the model was fitted must not be in the version it becomes.
            var erased = await ErasedSinceReadAsync(context.TenantId, data.EndUserIds, ct);
            model = model.WithoutEndUsers(erased);
            var artifact = await SaveAsync(context.TenantId, artifactId, model.Save, ct);
            var metrics = VersionMetrics.From(evaluation);
            var manifest = Without(ToManifest(data, consent, excluded), data.EndUserIds, erased);
            total.Stop();
            var version = await RetryAsync(() => WriteVersionAsync(context, blend, spec, artifact, snapshotId, metrics, manifest, total.Elapsed, model.EngineVersion, idGeneration, ct), ct);
            EndStage();

            // An erasure that committed after the check above looked for stored versions before this one existed.
            var late = (await ErasedSinceReadAsync(context.TenantId, data.EndUserIds, CancellationToken.None)).Except(erased, StringComparer.Ordinal).ToList();
            if (late.Count > 0)
            {
                await erasure.ForgetInVersionAsync(context.TenantId, version.Id, late, CancellationToken.None);
            }

            var outcome = await AfterWriteAsync(context, version, ct);
            context.Progress.Report(new JobProgress(100,
                $"Version {version.Number} of “{blend.Name}”: NDCG@10 {metrics.NdcgAt10:0.0000} on the held-out interactions of {metrics.EvaluatedEndUsers:N0} end-users; trained on {manifest.EndUsers:N0} end-users and {manifest.Interactions:N0} interactions. {outcome}"));
        }
        catch
        {
            // Nothing refers to the artifacts until the version row is committed; a failure before that leaves none behind.
            await DeleteOrphanAsync(context.TenantId, artifactId);
            await DeleteOrphanAsync(context.TenantId, snapshotId);
            throw;
        }
    }

    /// <summary>
    /// The sensitive attributes as the bias audit groups end-users: each attribute the privacy settings give a
    /// generalisation rule is generalised over all its holders (so "rare values to other" counts them all), the
    /// others used as stored; and, per generalised attribute, the rule in words for the audit's report.
    /// </summary>
    internal static (IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Groups, IReadOnlyDictionary<string, string> Generalised) Generalise(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> sensitive, IReadOnlyDictionary<string, (GeneralisationKind Kind, int Parameter)> rules)
    {
        var groups = sensitive.ToDictionary(p => p.Key, p => new Dictionary<string, string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var generalised = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = sensitive.Values.SelectMany(v => v.Keys).Distinct(StringComparer.Ordinal).Where(rules.ContainsKey).Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var (kind, parameter) = rules[key];
            var holders = groups.Where(p => p.Value.ContainsKey(key)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            var column = Generalisation.Apply(GeneralisationRules.ToEngine(kind, parameter), [.. holders.Select(u => (string?)groups[u][key])]);
            for (var i = 0; i < holders.Count; i++)
            {
                groups[holders[i]][key] = column[i];
            }

            generalised[key] = GeneralisationRules.Describe(kind, parameter);
        }

        return (groups.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal), generalised);
    }

    /// <summary>The end-users the training read whose end-user row is gone since (erased), as stored ids.</summary>
    private async Task<IReadOnlyList<string>> ErasedSinceReadAsync(Guid tenantId, IReadOnlyList<string> read, CancellationToken ct)
    {
        await using var db = dbFactory.CreateForTenant(tenantId);
        var existing = (await db.EndUsers.AsNoTracking().Select(u => u.ExternalId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return [.. read.Where(id => !existing.Contains(id))];
    }

    /// <summary>The manifest of the data less the erased end-users, so its id hash matches the end-users the version holds.</summary>
    private static DataManifest Without(DataManifest manifest, IReadOnlyList<string> read, IReadOnlyList<string> erased)
    {
        if (erased.Count == 0)
        {
            return manifest;
        }

        var gone = erased.ToHashSet(StringComparer.Ordinal);
        return manifest with
        {
            EndUsers = Math.Max(0, manifest.EndUsers - erased.Count),
            EndUserIdsSha256 = DataManifest.HashEndUserIds(read.Where(id => !gone.Contains(id))),
        };
    }

    private static BlendModel Fit(BlendTrainer trainer, TrainingData data, BlendSpec spec, JobContext context, int from, int to)
    {
        var progress = new InlineProgress<TrainingProgress>(p =>
            context.Progress.Report(new JobProgress(from + (int)((to - from) * Math.Clamp(p.Fraction, 0, 1)), p.Stage)));
        try
        {
            return trainer.Fit(data, spec, progress, context.CancellationToken);
        }
        catch (InsufficientDataException ex)
        {
            // The engine's sentence is written for the marketer; the Jobs page shows it as it is.
            throw new ValidationException(ex.Message, null, ex);
        }
    }

    private async Task<ModelArtifact> SaveAsync(Guid tenantId, Guid artifactId, Action<Stream> write, CancellationToken ct)
    {
        // A temporary file, not memory: a large model would otherwise be held twice while it is written.
        var path = Path.Combine(Path.GetTempPath(), $"dashboard-model-{artifactId:N}.tmp");
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        write(file);
        await file.FlushAsync(ct);
        file.Position = 0;
        return await store.SaveAsync(tenantId, artifactId, file, ct);
    }

    /// <summary>The one transaction that makes the version exist; it takes the next number of the blend.</summary>
    private async Task<ModelVersion> WriteVersionAsync(
        JobContext context, Blend blend, BlendSpec spec, ModelArtifact artifact, Guid snapshotId, VersionMetrics metrics, DataManifest manifest, TimeSpan took,
        string engineVersion, int idGeneration, CancellationToken ct)
    {
        await using var db = dbFactory.CreateForTenant(context.TenantId);
        if (!await db.Blends.AnyAsync(b => b.Id == blend.Id, ct))
        {
            throw new NotFoundException("The blend was deleted while it was being trained; no version was written.");
        }

        if (await PseudonymGeneration.ReadAsync(db, ct) != idGeneration)
        {
            // The re-key job rewrote every stored model; this one was read before and would bring the old ids back.
            throw new ValidationException("End-user ids were re-keyed (pseudonymisation) while this model was training, so it names end-users " +
                "the old way and was not kept. Train again.");
        }

        var number = (await db.ModelVersions.Where(v => v.BlendId == blend.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var version = new ModelVersion
        {
            Id = Guid.CreateVersion7(),
            BlendId = blend.Id,
            Number = number,
            SpecJson = spec.ToJson(),
            MetricsJson = metrics.ToJson(),
            ManifestJson = manifest.ToJson(),
            NdcgAt10 = metrics.NdcgAt10,
            TrainingSeconds = Math.Round(took.TotalSeconds, 1),
            EngineVersion = engineVersion.Length <= ModelVersion.EngineVersionMaxLength ? engineVersion : engineVersion[..ModelVersion.EngineVersionMaxLength],
            ArtifactId = artifact.Id,
            ArtifactSha256 = artifact.Sha256,
            ArtifactLength = artifact.Length,
            JobRunId = context.JobRunId,
            TrainedBy = context.RequestedBy,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            Status = ModelVersionStatus.Ready,
            AuditSnapshotArtifactId = snapshotId,
            Review = ReleaseReview.AwaitingAudit,
        };
        db.ModelVersions.Add(version);
        // In the same transaction: a version never exists without the audit that decides whether it may go live.
        scheduler.Enqueue(db, new AuditModelParameters(version.Id, AfterTraining: true), context.Caller);
        await db.SaveChangesAsync(ct);
        return version;
    }

    /// <summary>Pruning, after the version exists: it cannot un-write it. Activation waits for the version's bias audit.</summary>
    private async Task<string> AfterWriteAsync(JobContext context, ModelVersion version, CancellationToken ct)
    {
        await using var db = dbFactory.CreateForTenant(context.TenantId);
        var blend = await db.Blends.FirstAsync(b => b.Id == version.BlendId, ct);
        const string outcome = "Its bias audit runs next (see Jobs); the version can go live once the audit clears it or a compliance officer approves it.";
        var pruned = await PruneAsync(db, blend, context.TenantId, ct);
        return pruned > 0 ? $"{outcome} {PlainWords.Counted(pruned, "older version")} deleted." : outcome;
    }

    /// <summary>What the audit after a training does with a cleared version: what the training itself did before audits existed.</summary>
    public static async Task<string> AutoActivateAsync(
        IAppDbContext db, ModelActivation activation, Blend blend, ModelVersion version, CallerContext caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(blend);
        ArgumentNullException.ThrowIfNull(version);
        var active = blend.ActiveVersionId is { } id ? await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) : null;
        if (active is not null && active.Number > version.Number)
        {
            return $"Not activated: the newer version {active.Number} is live.";
        }

        if (!ShouldAutoActivate(blend, version.NdcgAt10, active?.NdcgAt10))
        {
            return blend.AutoActivate
                ? $"Not activated: NDCG@10 is more than {blend.AutoActivateMargin:0.###} below version {active!.Number}'s {active.NdcgAt10:0.0000}."
                : "Not activated (automatic activation is off).";
        }

        var result = await activation.ActivateAsync(db, blend, version, caller, AuditActions.ModelVersionAutoActivated, ct);
        return result.Succeeded ? "Activated." : $"Not activated: {string.Join(" ", result.Errors)}";
    }

    /// <summary>
    /// A blend with no active version takes its first version; otherwise, with automatic activation on, a version
    /// whose NDCG@10 is at least the active one's minus the margin.
    /// </summary>
    public static bool ShouldAutoActivate(Blend blend, double newNdcg, double? activeNdcg)
    {
        ArgumentNullException.ThrowIfNull(blend);
        return activeNdcg is not { } current || (blend.AutoActivate && newNdcg >= current - blend.AutoActivateMargin);
    }

    /// <summary>Keeps the newest <see cref="Blend.KeepVersions"/> versions, and the active one wherever it is; deletes the rest, then their artifacts.</summary>
    private async Task<int> PruneAsync(IAppDbContext db, Blend blend, Guid tenantId, CancellationToken ct)
    {
        var doomed = (await db.ModelVersions.Where(v => v.BlendId == blend.Id).OrderByDescending(v => v.Number).ToListAsync(ct))
            .Skip(blend.KeepVersions)
            .Where(v => v.Id != blend.ActiveVersionId)
            .ToList();
        if (doomed.Count == 0)
        {
            return 0;
        }

        db.ModelVersions.RemoveRange(doomed);
        await db.SaveChangesAsync(ct);
        foreach (var artifactId in doomed.SelectMany(v => AuditSnapshotArtifact.Of(v.ArtifactId, v.AuditSnapshotArtifactId)))
        {
            await store.DeleteAsync(tenantId, artifactId, CancellationToken.None);
        }

        return doomed.Count;
    }

    /// <summary>Of two runs for one blend that got past "Train now" together, the one queued first trains; the other stops here.</summary>
    private static async Task RefuseSecondRunAsync(IAppDbContext db, Blend blend, Guid jobRunId, CancellationToken ct)
    {
        var mine = await db.JobRuns.AsNoTracking().FirstAsync(j => j.Id == jobRunId, ct);
        var earlier = (await db.JobRuns.AsNoTracking()
                .Where(j => j.Kind == JobKind.TrainModel && j.State == JobState.Running && j.Id != jobRunId && j.QueuedAtUtc <= mine.QueuedAtUtc)
                .ToListAsync(ct))
            .Where(j => JobParameters.Read<TrainModelParameters>(j.ParametersJson).BlendId == blend.Id)
            .FirstOrDefault(j => j.QueuedAtUtc < mine.QueuedAtUtc || j.Id.CompareTo(jobRunId) < 0);
        if (earlier is not null)
        {
            throw new ValidationException(ModelTrainingService.AlreadyRunning(blend.Name, earlier));
        }
    }

    private async Task WaitForAsync(JobContext context, Guid jobRunId)
    {
        Stage(context, 0, "Waiting for the data to be imported");
        while (true)
        {
            await using var db = dbFactory.CreateForTenant(context.TenantId);
            var state = await db.JobRuns.Where(j => j.Id == jobRunId).Select(j => (JobState?)j.State).FirstOrDefaultAsync(context.CancellationToken);
            if (state is null or JobState.Succeeded)
            {
                return;
            }

            if (state is JobState.Failed or JobState.Cancelled)
            {
                throw new ValidationException($"The data import this training waited for {(state == JobState.Failed ? "failed" : "was cancelled")}; train again once data has been imported.");
            }

            await Task.Delay(WaitPoll, context.CancellationToken);
        }
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> action, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (DbException ex) when (attempt < Attempts && !ct.IsCancellationRequested)
            {
                // A busy database (SQLite's lock, a failover) usually answers on the next try; the data read or written is the same.
                logger.LogWarning(ex, "Training: database call failed (attempt {Attempt} of {Attempts}); trying again.", attempt, Attempts);
                await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
            }
        }
    }

    private async Task DeleteOrphanAsync(Guid tenantId, Guid artifactId)
    {
        try
        {
            await store.DeleteAsync(tenantId, artifactId, CancellationToken.None);
        }
        catch (IOException ex)
        {
            // Start-up recovery and the next clean-up find it again by the run's id.
            logger.LogWarning(ex, "Training: artifact {ArtifactId} of a failed run could not be deleted.", artifactId);
        }
    }

    private static DataManifest ToManifest(TrainingData data, ConsentedEndUsers consent, int excludedByConsent)
    {
        var ticks = data.TimestampTicks;
        DateTime? first = null, last = null;
        if (ticks.Length > 0)
        {
            long min = long.MaxValue, max = long.MinValue;
            foreach (var t in ticks)
            {
                min = Math.Min(min, t);
                max = Math.Max(max, t);
            }

            (first, last) = (new DateTime(min, DateTimeKind.Utc), new DateTime(max, DateTimeKind.Utc));
        }

        var profile = data.Profile();
        return new DataManifest(profile.EndUsers, profile.Items, data.Count, first, last, DataManifest.HashEndUserIds(data.EndUserIds),
            ConsentPurpose.Personalisation, consent.AsOfUtc, consent.Basis, excludedByConsent);
    }

    private void Stage(JobContext context, int percent, string message)
    {
        EndStage();
        _current = (message, Stopwatch.StartNew());
        context.Progress.Report(new JobProgress(percent, message));
    }

    private void EndStage()
    {
        if (_current is { } c)
        {
            _stages.Add((c.Stage, c.Clock.Elapsed));
            _current = null;
        }
    }
}
