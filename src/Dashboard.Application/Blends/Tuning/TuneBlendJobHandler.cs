using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Application.Privacy;
using Dashboard.Application.Training;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Privacy;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Blends.Tuning;

/// <summary>
/// "Tune weights": reads the data training would read (the consent gate's end-users), lets
/// <see cref="BlendTuner"/> choose the blend's component weights on a validation part of the training
/// part (never the test part training reports on), and writes one <see cref="WeightTuning"/> row whose id
/// is the run's. It changes nothing else: the marketer applies the weights or not.
/// </summary>
public sealed class TuneBlendJobHandler(ITenantDbContextFactory dbFactory, IConsentGate consentGate, TimeProvider time) : JobHandler<TuneBlendParameters>
{
    public override string Name => "Tune weights";

    public override string RequiredPolicy => Policies.ManageBlendsAndCampaigns;

    /// <summary>The only write is the final row, so an interrupted run left nothing behind.</summary>
    public override Task<string> CleanUpInterruptedAsync(InterruptedJob job, CancellationToken cancellationToken) =>
        Task.FromResult("Nothing was changed; the blend keeps its weights. Tune again.");

    protected override async Task RunAsync(JobContext context, TuneBlendParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var ct = context.CancellationToken;
        Blend blend;
        await using (var db = dbFactory.CreateForTenant(context.TenantId))
        {
            blend = await db.Blends.AsNoTracking().FirstOrDefaultAsync(b => b.Id == parameters.BlendId, ct)
                ?? throw new NotFoundException("The blend to tune no longer exists.");
            await RefuseSecondRunAsync(db, blend, context.JobRunId, ct);
        }

        var spec = BlendSpec.FromJson(blend.SpecJson);
        context.Progress.Report(new JobProgress(0, "Reading data"));
        var consent = await consentGate.EndUsersAllowedAsync(context.TenantId, ConsentPurpose.Personalisation, time.GetUtcNow().UtcDateTime, ct);
        TrainingData data;
        int excluded;
        await using (var db = dbFactory.CreateForTenant(context.TenantId))
        {
            (data, _, excluded) = await TrainingDataReader.ReadAsync(
                db, consent, null, new InlineProgress<int>(n => context.Progress.Report(new(Math.Min(19, n / 100_000), $"Reading data: {n:N0} interactions"))), ct);
        }

        if (data.Count == 0 && excluded > 0)
        {
            throw new ValidationException(TrainModelJobHandler.NobodyConsented);
        }

        var progress = new InlineProgress<TrainingProgress>(p =>
            context.Progress.Report(new JobProgress(20 + (int)(75 * Math.Clamp(p.Fraction, 0, 1)), p.Stage)));
        TunedWeights tuned;
        try
        {
            tuned = new BlendTuner().Tune(data, spec, progress, ct);
        }
        catch (InsufficientDataException ex)
        {
            // The engine's sentence is written for the marketer; the Jobs page and the panel show it as it is.
            throw new ValidationException(ex.Message, null, ex);
        }
        catch (ArgumentException ex)
        {
            throw new ValidationException($"“{blend.Name}” cannot be tuned: {ex.Message}", null, ex);
        }

        context.Progress.Report(new JobProgress(95, "Saving the result"));
        await using (var db = dbFactory.CreateForTenant(context.TenantId))
        {
            db.WeightTunings.Add(new WeightTuning
            {
                Id = context.JobRunId,
                BlendId = blend.Id,
                SpecJson = blend.SpecJson,
                ChosenWeightsJson = JsonSerializer.Serialize(tuned.ChosenWeights),
                CurrentNdcg = tuned.CurrentNdcg,
                ChosenNdcg = tuned.ChosenNdcg,
                ValidationUsers = tuned.ValidationUsers,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
                Status = WeightTuningStatus.Proposed,
            });
            await db.SaveChangesAsync(ct);
        }

        context.Progress.Report(new JobProgress(100,
            $"“{blend.Name}”: NDCG@{tuned.K} on the validation part {tuned.CurrentNdcg:0.0000} with its weights, {tuned.ChosenNdcg:0.0000} with the chosen ones ({tuned.ValidationUsers:N0} end-users). Apply them on the blend's page."));
    }

    /// <summary>Of two runs for one blend that got past "Tune weights" together, the one queued first tunes; the other stops here.</summary>
    private static async Task RefuseSecondRunAsync(IAppDbContext db, Blend blend, Guid jobRunId, CancellationToken ct)
    {
        var mine = await db.JobRuns.AsNoTracking().FirstAsync(j => j.Id == jobRunId, ct);
        var earlier = (await db.JobRuns.AsNoTracking()
                .Where(j => j.Kind == JobKind.TuneBlend && j.State == JobState.Running && j.Id != jobRunId && j.QueuedAtUtc <= mine.QueuedAtUtc)
                .ToListAsync(ct))
            .Where(j => JobParameters.Read<TuneBlendParameters>(j.ParametersJson).BlendId == blend.Id)
            .FirstOrDefault(j => j.QueuedAtUtc < mine.QueuedAtUtc || j.Id.CompareTo(jobRunId) < 0);
        if (earlier is not null)
        {
            throw new ValidationException(BlendTuningService.AlreadyRunning(blend.Name, earlier));
        }
    }
}
