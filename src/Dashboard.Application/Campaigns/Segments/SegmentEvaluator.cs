using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// Works out who is in a segment, in the organisation of the context it is given. The organisation's end-user ids
/// are read once, sorted; each fact a rule needs is read once (<see cref="SegmentFacts"/>: one query per attribute
/// value, activity window or category, one grouped query for every purchases rule, the consent gate per purpose) into
/// a bit per end-user, and groups combine those with word-wide and/or/not. Consent rules ask the consent gate, as
/// training and serving do. Sensitive attributes never match (segments may not use them).
/// </summary>
public sealed class SegmentEvaluator(IConsentGate consent)
{
    public async Task<SegmentMembers> MembersAsync(IAppDbContext db, SegmentDefinition definition, DateTime asOfUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var everyone = await db.EndUsers.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.ExternalId }).ToListAsync(cancellationToken);
        var ids = new long[everyone.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = everyone[i].Id;
        }

        var chosen = await ChooseAsync(db, definition, asOfUtc, ids, cancellationToken);
        var memberIds = new List<long>(chosen?.Count ?? ids.Length);
        var stored = new List<string>(memberIds.Capacity);
        for (var i = 0; i < everyone.Count; i++)
        {
            if (chosen is null || chosen.Contains(i))
            {
                memberIds.Add(everyone[i].Id);
                stored.Add(everyone[i].ExternalId);
            }
        }

        return new SegmentMembers(memberIds, stored, asOfUtc);
    }

    /// <summary>How many end-users the segment holds at <paramref name="asOfUtc"/>; reads no end-user ids as stored, so it is the cheaper question.</summary>
    public async Task<int> CountAsync(IAppDbContext db, SegmentDefinition definition, DateTime asOfUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var ids = await db.EndUsers.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id).ToArrayAsync(cancellationToken);
        var chosen = await ChooseAsync(db, definition, asOfUtc, ids, cancellationToken);
        return chosen?.Count ?? ids.Length;
    }

    /// <summary>The members as positions in <paramref name="ids"/>; null when the definition sets no condition (everyone).</summary>
    private async Task<MemberSet?> ChooseAsync(IAppDbContext db, SegmentDefinition definition, DateTime asOfUtc, long[] ids, CancellationToken cancellationToken)
    {
        var facts = new SegmentFacts(db, consent, ids, asOfUtc);
        MemberSet? chosen = null;
        foreach (var group in definition.Groups)
        {
            MemberSet? inGroup = null;
            foreach (var rule in group.Rules)
            {
                inGroup = Combine(inGroup, await facts.HoldsAsync(rule, cancellationToken), group.Match);
            }

            // An empty group adds no condition.
            if (inGroup is not null)
            {
                chosen = Combine(chosen, inGroup, definition.Match);
            }
        }

        return chosen;
    }

    private static MemberSet Combine(MemberSet? sofar, MemberSet next, SegmentMatch match)
    {
        if (sofar is null)
        {
            return next;
        }

        if (match == SegmentMatch.All)
        {
            sofar.IntersectWith(next);
        }
        else
        {
            sofar.UnionWith(next);
        }

        return sofar;
    }
}
