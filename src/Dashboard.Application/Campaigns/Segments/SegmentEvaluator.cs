using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// Works out who is in a segment, in the organisation of the context it is given, from the data as it is now: the
/// facts the rules need are read once (<see cref="SegmentSnapshot"/>: end-users, attribute values, one pass over the
/// interactions, the consent gate per purpose) and the rules combined as bits per end-user. Consent rules ask the
/// consent gate, as training and serving do. Sensitive attributes never match (segments may not use them). For sizes
/// asked again and again while rules are edited, <see cref="SegmentSnapshots"/> keeps the facts of each organisation.
/// </summary>
public sealed class SegmentEvaluator(IConsentGate consent)
{
    public async Task<SegmentMembers> MembersAsync(IAppDbContext db, SegmentDefinition definition, DateTime asOfUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var snapshot = await SegmentSnapshot.LoadAsync(
            db, consent, SegmentSnapshot.NeedsAttributes(definition), SegmentSnapshot.NeedsActivity(definition), asOfUtc, cancellationToken);
        var chosen = await snapshot.ChooseAsync(definition, cancellationToken);
        var ids = snapshot.EndUserIds;
        var memberIds = new List<long>(chosen?.Count ?? ids.Count);
        for (var position = 0; position < ids.Count; position++)
        {
            if (chosen is null || chosen.Contains(position))
            {
                memberIds.Add(ids[position]);
            }
        }

        // One read of every stored id beats thousands of parameterised lookups; an end-user erased since the facts
        // were read is left out rather than named by a stale id.
        var stored = await db.EndUsers.AsNoTracking().Select(u => new { u.Id, u.ExternalId }).ToDictionaryAsync(u => u.Id, u => u.ExternalId, cancellationToken);
        var present = memberIds.Where(stored.ContainsKey).ToList();
        return new SegmentMembers(present, [.. present.Select(id => stored[id])], asOfUtc);
    }

    /// <summary>How many end-users the segment holds at <paramref name="asOfUtc"/>, read fresh; reads no stored ids.</summary>
    public async Task<int> CountAsync(IAppDbContext db, SegmentDefinition definition, DateTime asOfUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var snapshot = await SegmentSnapshot.LoadAsync(
            db, consent, SegmentSnapshot.NeedsAttributes(definition), SegmentSnapshot.NeedsActivity(definition), asOfUtc, cancellationToken);
        return (await snapshot.ChooseAsync(definition, cancellationToken))?.Count ?? snapshot.EndUserIds.Count;
    }
}
