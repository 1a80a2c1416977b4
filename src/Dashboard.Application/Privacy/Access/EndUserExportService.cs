using System.Text.Json;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy.Access;

/// <summary>
/// GDPR Art. 15: everything the caller's organisation stores about one end-user — their record, attributes (sensitive
/// values decrypted), interactions with the items' ids, consent records, recommendation feedback and the lists they
/// were served. The id goes through the pseudonymizer first, so a pseudonymising organisation finds them by the id
/// its systems use. Each request leaves a receipt (no personal data) and an audit entry.
/// </summary>
public sealed class EndUserExportService(
    ICurrentUser currentUser,
    ITenantDbContextFactory dbFactory,
    IPseudonymizer pseudonymizer,
    IAttributeValueProtector attributeValues,
    IAuditLog audit,
    TimeProvider time)
{
    public async Task<EndUserExport> ExportAsync(string? endUserId, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        var asked = PrivacyRequests.RequireId(endUserId);
        var stored = await pseudonymizer.StoredEndUserIdAsync(caller.TenantId, asked, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateForTenant(caller.TenantId);

        var endUser = await db.EndUsers.AsNoTracking().FirstOrDefaultAsync(u => u.ExternalId == stored, cancellationToken);
        List<ExportedAttributeValue> attributes = [];
        List<ExportedInteraction> interactions = [];
        List<ExportedConsent> consents = [];
        List<ExportedFeedback> feedback = [];
        if (endUser is not null)
        {
            attributes = [.. (await db.EndUserAttributes.AsNoTracking().Where(a => a.EndUserId == endUser.Id).OrderBy(a => a.Key).ToListAsync(cancellationToken))
                .Select(a => new ExportedAttributeValue(a.Key, a.IsSensitive ? attributeValues.Unprotect(caller.TenantId, a.Value) : a.Value, a.IsSensitive, a.IsQuasiIdentifier))];
            interactions = [.. (await db.Interactions.AsNoTracking().Where(i => i.EndUserId == endUser.Id)
                    .Join(db.Items, i => i.ItemId, item => item.Id, (i, item) => new { item.ExternalId, i.Type, i.Value, i.OccurredAtUtc, i.Id })
                    .ToListAsync(cancellationToken))
                .OrderBy(i => i.OccurredAtUtc).ThenBy(i => i.Id)
                .Select(i => new ExportedInteraction(i.ExternalId, EventTypes.ToName(i.Type), i.Value, i.OccurredAtUtc))];
            consents = [.. (await db.ConsentRecords.AsNoTracking().Where(c => c.EndUserId == endUser.Id).ToListAsync(cancellationToken))
                .OrderBy(c => c.OccurredAtUtc).ThenBy(c => c.Id)
                .Select(c => new ExportedConsent(c.Purpose, c.Granted, c.OccurredAtUtc, c.RecordedAtUtc, c.Source, c.NoticeVersion, c.ProofReference))];
            feedback = [.. (await db.RecommendationFeedback.AsNoTracking().Where(f => f.EndUserId == endUser.Id)
                    .Join(db.Items, f => f.ItemId, item => item.Id, (f, item) => new { f.RecommendationId, item.ExternalId, f.Type, f.OccurredAtUtc, f.Id })
                    .ToListAsync(cancellationToken))
                .OrderBy(f => f.OccurredAtUtc).ThenBy(f => f.Id)
                .Select(f => new ExportedFeedback(f.RecommendationId, f.ExternalId, f.Type.ToString().ToLowerInvariant(), f.OccurredAtUtc))];
        }

        var served = (await db.ServedRecommendations.AsNoTracking().Where(s => s.EndUserExternalId == stored).ToListAsync(cancellationToken))
            .OrderBy(s => s.ServedAtUtc).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new ExportedServedList(s.Id, s.ServedAtUtc, s.Personalised, JsonSerializer.Deserialize<List<string>>(s.ItemIdsJson) ?? []))
            .ToList();

        var found = endUser is not null || served.Count > 0;
        var receipt = new PrivacyRequest
        {
            Id = Guid.CreateVersion7(),
            TenantId = caller.TenantId,
            Reference = PrivacyRequests.NewReference(PrivacyRequestKind.Access, now),
            Kind = PrivacyRequestKind.Access,
            ReceivedAtUtc = now,
            CompletedAtUtc = time.GetUtcNow().UtcDateTime,
            RequestedBy = PrivacyRequests.Truncate(caller.ActorName, PrivacyRequest.RequestedByMaxLength),
            Channel = PrivacyRequests.Truncate(channel, PrivacyRequest.ChannelMaxLength),
            Found = found,
        };
        db.PrivacyRequests.Add(receipt);
        audit.Record(db, caller, AuditActions.EndUserDataExported, receipt.Reference, null,
            found
                ? $"{attributes.Count} attributes, {interactions.Count} interactions, {consents.Count} consent records, {feedback.Count} feedback events, {served.Count} served lists"
                : "nothing was found under the id");
        await db.SaveChangesAsync(cancellationToken);
        return new EndUserExport(receipt.Reference, now, found ? asked : null, found, endUser?.CreatedAtUtc, attributes, interactions, consents, feedback, served);
    }
}
