using System.ComponentModel.DataAnnotations;
using System.IO.Pipelines;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Dashboard.Application.Auditing;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.Compliance;
using Dashboard.Application.DataSources;
using Dashboard.Application.Jobs;
using Dashboard.Application.Privacy;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Dashboard.Domain.Recommendations;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// Writes an e-mail campaign's lists for its whole segment to one CSV file in the upload store. Everything the
/// lists depend on is read once, at the start — the segment's members, both consents, and each arm's active model —
/// so the file is one consistent snapshot however the data changes while it is written. Only end-users who consent
/// to Marketing messages are in it (an e-mail needs that consent); Personalisation consent decides whether a list
/// is personalised, as in serving. Each end-user gets their arm (<see cref="ArmAssignment"/>) and their list
/// (<see cref="CampaignLists.For(ActiveModel, CampaignRules, string, int, bool, IReadOnlyList{RecentEvent}, bool)"/>)
/// under one recommendation id, logged as a served list of the campaign and arm, so clicks from the mail are
/// attributed. The served lists, the <see cref="CampaignExport"/> row and the audit entry are one transaction, written
/// only after the file is complete; a run that fails or is cancelled removes its file.
/// </summary>
public sealed class CampaignExportJobHandler(
    ITenantDbContextFactory dbFactory,
    SegmentEvaluator segments,
    IConsentGate consent,
    IActiveModelCache models,
    IReleaseGate gate,
    IUploadStore uploads,
    IAuditLog audit,
    TimeProvider time) : JobHandler<CampaignExportParameters>
{
    /// <summary>End-users whose lists are made together (in parallel) before their rows are written in order.</summary>
    private const int Chunk = 2_048;

    public override string Name => "Campaign export";

    // The file holds end-user ids, and the run logs served lists of the campaign: campaign management.
    public override string RequiredPolicy => Policies.ManageBlendsAndCampaigns;

    public override Task<string> CleanUpInterruptedAsync(InterruptedJob job, CancellationToken cancellationToken) =>
        // The served lists and the export row are one transaction written after the file, so neither was kept. A file
        // being written when the process died is the store's to drop: both stores delete what they did not finish.
        Task.FromResult("No export was recorded and no list was logged; export again from the campaign.");

    protected override async Task RunAsync(JobContext context, CampaignExportParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var ct = context.CancellationToken;
        context.Progress.Report(new JobProgress(0, "Reading the campaign, its segment and its models"));
        var snapshot = await ReadSnapshotAsync(context, parameters, ct);
        if (snapshot is null)
        {
            context.Progress.Report(new JobProgress(100, "This run had already recorded its export; nothing was written again."));
            return;
        }

        context.Progress.Report(new JobProgress(5,
            $"Writing the lists of {PlainWords.Counted(snapshot.EndUsers.Count, "end-user")} with Marketing messages consent"));
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 4 << 20, resumeWriterThreshold: 2 << 20));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Not started with the token: a writer that never ran would never complete the pipe the store is waiting on.
        var writing = Task.Run(() => WriteFileAsync(pipe.Writer, snapshot, context.Progress, stop.Token), CancellationToken.None);
        (string StoredName, long Size)? saved;
        try
        {
            await using var content = pipe.Reader.AsStream();
            saved = await uploads.SaveAsync(context.TenantId, content, ct);
        }
        catch (Exception)
        {
            await StopAsync(stop, writing);
            throw;
        }

        if (saved is not { } file)
        {
            await StopAsync(stop, writing);
            throw new ValidationException(
                $"The export is larger than the file store's limit ({uploads.MaxBytes / (1024 * 1024):N0} MB), so nothing was kept; make the segment or the list size smaller.");
        }

        try
        {
            var tally = await writing;
            context.Progress.Report(new JobProgress(90, "Recording the export and its lists"));
            await RecordAsync(context, snapshot, tally, file.StoredName, file.Size, ct);
            context.Progress.Report(new JobProgress(100,
                $"Exported the lists of “{snapshot.Campaign.Name}”: {PlainWords.Counted(snapshot.EndUsers.Count, "end-user")}, {PlainWords.Counted(tally.Rows, "row")}."));
        }
        catch (Exception)
        {
            // Cancelled or failed after the file was complete: it must not outlive the run that has no record of it.
            await uploads.DeleteAsync(context.TenantId, file.StoredName, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The run's one consistent view; null when the run already recorded its export (the job server delivered it twice).</summary>
    private async Task<ExportSnapshot?> ReadSnapshotAsync(JobContext context, CampaignExportParameters parameters, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateForTenant(context.TenantId);
        if (await db.CampaignExports.AnyAsync(e => e.JobRunId == context.JobRunId, ct))
        {
            return null;
        }

        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Arms).FirstOrDefaultAsync(c => c.Id == parameters.CampaignId, ct)
            ?? throw new ValidationException("The campaign to export no longer exists; nothing was exported.");
        if (CampaignExportRules.Refusal(campaign, now) is { } refusal)
        {
            throw new ValidationException(refusal);
        }

        var segment = campaign.SegmentId is { } segmentId ? await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == segmentId, ct) : null;
        if (segment is null)
        {
            throw new ValidationException($"The campaign “{campaign.Name}” has no segment (it was deleted); choose one before exporting.");
        }

        var arms = new List<ExportArm>();
        foreach (var arm in campaign.Arms.OrderBy(a => a.Position))
        {
            arms.Add(await ArmModelAsync(db, context.TenantId, arm, ct));
        }

        var members = await segments.MembersAsync(db, SegmentDefinition.Parse(segment.DefinitionJson), now, ct);
        var marketing = await consent.EndUsersAllowedAsync(context.TenantId, ConsentPurpose.MarketingMessages, now, ct);
        var personalisation = await consent.EndUsersAllowedAsync(context.TenantId, ConsentPurpose.Personalisation, now, ct);
        var endUsers = new List<ExportEndUser>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            var id = members.EndUserIds[i];
            if (marketing.Allows(id))
            {
                endUsers.Add(new ExportEndUser(members.StoredIds[i], personalisation.Allows(id)));
            }
        }

        return new ExportSnapshot(campaign, CampaignRules.Parse(campaign.RulesJson), arms, endUsers, now);
    }

    /// <summary>The arm's blend's active model, refused when the blend is gone, has no usable version, or the compliance gate blocks it.</summary>
    private async Task<ExportArm> ArmModelAsync(IAppDbContext db, Guid tenantId, CampaignArm arm, CancellationToken ct)
    {
        if (arm.BlendId is not { } blendId)
        {
            throw new ValidationException($"Arm {arm.Name}'s blend was deleted; give the arm a blend before exporting.");
        }

        var model = await models.GetAsync(tenantId, blendId.ToString(), ct)
            ?? throw new ValidationException($"Arm {arm.Name}'s blend has no active model version; train and activate it before exporting.");
        var version = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == model.VersionId, ct)
            ?? throw new ValidationException($"Arm {arm.Name}'s active version of “{model.BlendName}” no longer exists; activate another before exporting.");
        var decision = await gate.CheckAsync(version, ct);
        return decision.Allowed
            ? new ExportArm(arm, model)
            : throw new ValidationException($"Arm {arm.Name} (blend “{model.BlendName}”, version {model.VersionNumber}) may not serve: {decision.Reason}");
    }

    /// <summary>
    /// Makes each end-user's list and writes its rows into the pipe the store is reading, in the snapshot's order;
    /// the lists of a chunk of end-users are made in parallel (each model is immutable and safe to share).
    /// </summary>
    private static async Task<ExportTally> WriteFileAsync(PipeWriter pipe, ExportSnapshot snapshot, IProgress<JobProgress> progress, CancellationToken ct)
    {
        try
        {
            var served = new List<ServedRecommendation>(snapshot.EndUsers.Count);
            var rows = 0;
            var armIndex = snapshot.Arms.Select((a, i) => (a.Arm.Id, i)).ToDictionary(p => p.Id, p => p.i);
            var armRows = snapshot.Arms.Select(a => a.Arm).ToList();
            var lists = new RecommendationList[Chunk];
            var assigned = new int[Chunk];
            var options = new ParallelOptions { CancellationToken = ct };
            await using (var text = new StreamWriter(pipe.AsStream(leaveOpen: true), CampaignExportCsv.Encoding, 1 << 16))
            {
                await text.WriteAsync(CampaignExportCsv.Header + "\r\n");
                for (var start = 0; start < snapshot.EndUsers.Count; start += Chunk)
                {
                    var count = Math.Min(Chunk, snapshot.EndUsers.Count - start);
                    var first = start;
                    Parallel.For(0, count, options, i =>
                    {
                        var user = snapshot.EndUsers[first + i];
                        var arm = armIndex[ArmAssignment.Assign(armRows, snapshot.Campaign.Id, user.StoredId).Id];
                        assigned[i] = arm;
                        lists[i] = CampaignLists.For(snapshot.Arms[arm].Model, snapshot.Rules, user.StoredId, snapshot.Campaign.ListSize, user.Personalise, [], explain: false);
                    });

                    for (var i = 0; i < count; i++)
                    {
                        var arm = snapshot.Arms[assigned[i]];
                        var list = lists[i];
                        var id = RecommendationIds.New(snapshot.AtUtc);
                        CampaignExportCsv.WriteList(text, snapshot.EndUsers[first + i].StoredId, list.Items, id, arm.Arm.Name);
                        rows += list.Items.Count;
                        served.Add(new ServedRecommendation
                        {
                            Id = id,
                            EndUserExternalId = snapshot.EndUsers[first + i].StoredId,
                            BlendId = arm.Model.BlendId,
                            ModelVersionId = arm.Model.VersionId,
                            Personalised = list.Personalised,
                            CampaignId = snapshot.Campaign.Id,
                            CampaignArmId = arm.Arm.Id,
                            ItemIdsJson = JsonSerializer.Serialize(list.Items.Select(item => item.ItemId)),
                            ServedAtUtc = snapshot.AtUtc,
                        });
                    }

                    await text.FlushAsync(ct);
                    var done = first + count;
                    progress.Report(new JobProgress(5 + (int)(85L * done / snapshot.EndUsers.Count),
                        $"Written the lists of {PlainWords.Counted(done, "end-user")} of {snapshot.EndUsers.Count:N0}"));
                }
            }

            await pipe.CompleteAsync();
            return new ExportTally(served, rows);
        }
        catch (Exception ex)
        {
            // The store sees the failure as a failed read and keeps nothing, rather than a short file that looks whole.
            await pipe.CompleteAsync(ex);
            throw;
        }
    }

    private async Task RecordAsync(JobContext context, ExportSnapshot snapshot, ExportTally tally, string storedName, long size, CancellationToken ct)
    {
        await using var db = dbFactory.CreateForTenant(context.TenantId);
        if (!await db.Campaigns.AnyAsync(c => c.Id == snapshot.Campaign.Id, ct))
        {
            throw new ValidationException($"The campaign “{snapshot.Campaign.Name}” was deleted while it was being exported; nothing was kept.");
        }

        db.ServedRecommendations.AddRange(tally.Served);
        db.CampaignExports.Add(new CampaignExport
        {
            Id = Guid.CreateVersion7(),
            CampaignId = snapshot.Campaign.Id,
            JobRunId = context.JobRunId,
            StoredName = storedName,
            EndUserCount = snapshot.EndUsers.Count,
            RowCount = tally.Rows,
            SizeBytes = size,
            SnapshotAtUtc = snapshot.AtUtc,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        audit.Record(db, context.Caller, AuditActions.CampaignExported, snapshot.Campaign.Name, null,
            $"{PlainWords.Counted(snapshot.EndUsers.Count, "end-user")}, {PlainWords.Counted(tally.Rows, "row")}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Stops the file's writer and waits for it; its own failure, when it had one, is the better explanation.</summary>
    private static async Task StopAsync(CancellationTokenSource stop, Task<ExportTally> writing)
    {
        await stop.CancelAsync();
        await ((Task)writing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (writing.Exception?.InnerException is { } failure and not OperationCanceledException)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private sealed record ExportArm(CampaignArm Arm, ActiveModel Model);

    private sealed record ExportEndUser(string StoredId, bool Personalise);

    private sealed record ExportSnapshot(Campaign Campaign, CampaignRules Rules, IReadOnlyList<ExportArm> Arms, IReadOnlyList<ExportEndUser> EndUsers, DateTime AtUtc);

    private sealed record ExportTally(List<ServedRecommendation> Served, int Rows);
}
