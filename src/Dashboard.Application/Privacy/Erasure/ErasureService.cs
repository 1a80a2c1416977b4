using System.Text.Json;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy.Erasure;

/// <summary>
/// GDPR Art. 17: erases one end-user of the caller's organisation. In one transaction it deletes their
/// interactions, attributes, consent records, recommendation feedback, the lists they were served, import
/// problems that quote their id, and their end-user row, and writes the receipt; then it rewrites every stored
/// model version that holds them (<see cref="StoredModelEraser"/>) — the models this node serves switch at once —,
/// drops what serving keeps of them in memory, queues retraining of the affected blends and completes the receipt.
/// The receipt and the audit entry hold no personal data: not the id, only counts and model versions. An id the
/// organisation holds nothing under gets a receipt saying so, the same whether another organisation knows it or not.
/// </summary>
public sealed class ErasureService(
    ICurrentUser currentUser,
    ITenantDbContextFactory dbFactory,
    IPseudonymizer pseudonymizer,
    StoredModelEraser models,
    RecentEventsBuffer recentEvents,
    IConsentGate consentGate,
    ServedRecommendationLog servedLog,
    IJobScheduler scheduler,
    IAuditLog audit,
    TimeProvider time)
{
    /// <summary>What the confirmation says will be deleted, in the words of the receipt's table names.</summary>
    public const string WhatIsDeleted =
        "the end-user's record, their attributes, every interaction, every consent record, their recommendation feedback, " +
        "the recommendation lists they were served and import problems quoting their id; they are also removed from every stored model version";

    public async Task<PrivacyRequestView> EraseAsync(string? endUserId, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        var stored = await pseudonymizer.StoredEndUserIdAsync(caller.TenantId, PrivacyRequests.RequireId(endUserId), cancellationToken);
        var received = time.GetUtcNow().UtcDateTime;

        // Lists answered before now and still waiting in memory are written first, so the delete below meets them.
        await servedLog.FlushAsync(cancellationToken);
        var (receiptId, reference, rows) = await DeleteRowsAsync(caller, stored, channel, received, cancellationToken);
        recentEvents.Forget(caller.TenantId, stored);
        consentGate.EndUserErased(caller.TenantId, stored);

        // A list answered while the rows were being deleted may have reached the log since.
        await servedLog.FlushAsync(cancellationToken);
        await using (var db = dbFactory.CreateForTenant(caller.TenantId))
        {
            rows["ServedRecommendations"] += await db.ServedRecommendations.Where(s => s.EndUserExternalId == stored).ExecuteDeleteAsync(cancellationToken);
        }

        var versions = await models.ForgetAsync(caller.TenantId, [stored], cancellationToken);
        return await CompleteAsync(caller, receiptId, reference, rows, versions, cancellationToken);
    }

    /// <summary>The tenant's access and erasure receipts, newest first.</summary>
    public async Task<IReadOnlyList<PrivacyRequestView>> ReceiptsAsync(int take = 100, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        return await PrivacyRequests.ListAsync(db, take, cancellationToken);
    }

    private async Task<(Guid ReceiptId, string Reference, Dictionary<string, long> Rows)> DeleteRowsAsync(
        CallerContext caller, string stored, string channel, DateTime received, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var endUser = await db.EndUsers.FirstOrDefaultAsync(u => u.ExternalId == stored, cancellationToken);
        if (endUser is not null)
        {
            rows["Interactions"] = Remove(db.Interactions, await db.Interactions.Where(i => i.EndUserId == endUser.Id).ToListAsync(cancellationToken));
            rows["EndUserAttributes"] = Remove(db.EndUserAttributes, await db.EndUserAttributes.Where(a => a.EndUserId == endUser.Id).ToListAsync(cancellationToken));
            rows["ConsentRecords"] = Remove(db.ConsentRecords, await db.ConsentRecords.Where(c => c.EndUserId == endUser.Id).ToListAsync(cancellationToken));
            rows["RecommendationFeedback"] = Remove(db.RecommendationFeedback, await db.RecommendationFeedback.Where(f => f.EndUserId == endUser.Id).ToListAsync(cancellationToken));
        }

        rows["ServedRecommendations"] = Remove(db.ServedRecommendations, await db.ServedRecommendations.Where(s => s.EndUserExternalId == stored).ToListAsync(cancellationToken));
        rows["ImportErrors"] = Remove(db.ImportErrors, await db.ImportErrors.Where(e => e.Value == stored).ToListAsync(cancellationToken));
        if (endUser is not null)
        {
            db.EndUsers.Remove(endUser);
            rows["EndUsers"] = 1;
        }

        var receipt = new PrivacyRequest
        {
            Id = Guid.CreateVersion7(),
            TenantId = caller.TenantId,
            Reference = PrivacyRequests.NewReference(PrivacyRequestKind.Erasure, received),
            Kind = PrivacyRequestKind.Erasure,
            ReceivedAtUtc = received,
            RequestedBy = PrivacyRequests.Truncate(caller.ActorName, PrivacyRequest.RequestedByMaxLength),
            Channel = PrivacyRequests.Truncate(channel, PrivacyRequest.ChannelMaxLength),
            Found = rows.Values.Any(n => n > 0),
            RowsRemovedJson = JsonSerializer.Serialize(rows),
        };
        db.PrivacyRequests.Add(receipt);
        await db.SaveChangesAsync(cancellationToken);
        return (receipt.Id, receipt.Reference, rows);
    }

    private async Task<PrivacyRequestView> CompleteAsync(
        CallerContext caller, Guid receiptId, string reference, Dictionary<string, long> rows, IReadOnlyList<ErasedFromVersion> versions, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var receipt = await db.PrivacyRequests.FirstAsync(r => r.Id == receiptId, cancellationToken);
        var retrain = new List<string>();
        foreach (var blend in versions.GroupBy(v => v.BlendId))
        {
            // A training already queued or running reads the data after the erasure, or drops the erased end-user itself.
            if (await ModelTrainingService.RunningAsync(db, blend.Key, null, cancellationToken) is null
                && await db.Blends.AnyAsync(b => b.Id == blend.Key, cancellationToken))
            {
                scheduler.Enqueue(db, new TrainModelParameters(blend.Key), CallerContext.ForSystem(caller.TenantId, $"erasure request {reference}"));
            }

            retrain.Add(blend.First().BlendName);
        }

        receipt.Found = receipt.Found || versions.Count > 0;
        receipt.RowsRemovedJson = JsonSerializer.Serialize(rows);
        receipt.ModelVersionsAffectedJson = JsonSerializer.Serialize(versions.Select(v => v.Label).ToList());
        receipt.CompletedAtUtc = time.GetUtcNow().UtcDateTime;
        var after = receipt.Found
            ? $"{rows.Values.Sum():N0} rows removed, {PlainWords.Counted(versions.Count, "model version")} rewritten{(retrain.Count > 0 ? $", retraining of {string.Join(", ", retrain.Distinct())} queued" : string.Empty)}"
            : "nothing was found under the id";
        audit.Record(db, caller, AuditActions.EndUserErased, reference, null, after);
        await db.SaveChangesAsync(cancellationToken);
        return PrivacyRequestView.From(receipt);
    }

    private static long Remove<T>(DbSet<T> set, List<T> rows)
        where T : class
    {
        set.RemoveRange(rows);
        return rows.Count;
    }
}
