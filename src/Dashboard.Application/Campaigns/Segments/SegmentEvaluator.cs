using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// Works out who is in a segment, in the organisation of the context it is given: one query per rule, each
/// giving the set of end-users the rule holds for, combined per group and then across groups. Consent rules ask
/// the consent gate, as training and serving do. Sensitive attributes never match (segments may not use them).
/// </summary>
public sealed class SegmentEvaluator(IConsentGate consent)
{
    public async Task<SegmentMembers> MembersAsync(IAppDbContext db, SegmentDefinition definition, DateTime asOfUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var everyone = await db.EndUsers.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.ExternalId }).ToListAsync(cancellationToken);
        HashSet<long>? chosen = null;
        foreach (var group in definition.Groups)
        {
            HashSet<long>? inGroup = null;
            foreach (var rule in group.Rules)
            {
                var holds = await HoldsAsync(db, rule, asOfUtc, everyone.Select(u => u.Id), cancellationToken);
                inGroup = Combine(inGroup, holds, group.Match);
            }

            // An empty group adds no condition.
            if (inGroup is not null)
            {
                chosen = Combine(chosen, inGroup, definition.Match);
            }
        }

        var ids = new List<long>();
        var stored = new List<string>();
        foreach (var user in everyone)
        {
            if (chosen is null || chosen.Contains(user.Id))
            {
                ids.Add(user.Id);
                stored.Add(user.ExternalId);
            }
        }

        return new SegmentMembers(ids, stored, asOfUtc);
    }

    private static HashSet<long> Combine(HashSet<long>? sofar, HashSet<long> next, SegmentMatch match)
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

    private async Task<HashSet<long>> HoldsAsync(IAppDbContext db, SegmentRule rule, DateTime asOfUtc, IEnumerable<long> everyone, CancellationToken cancellationToken)
    {
        var (matching, negate) = rule.Kind switch
        {
            SegmentRuleKind.Attribute => (await db.EndUserAttributes.AsNoTracking()
                .Where(a => a.Key == rule.Key && a.Value == rule.Value && !a.IsSensitive).Select(a => a.EndUserId).ToListAsync(cancellationToken), rule.Operator == SegmentOperator.IsNot),
            SegmentRuleKind.LastActive => (await ActiveSinceAsync(db, asOfUtc.AddDays(-(rule.Number ?? 0)), cancellationToken), rule.Operator == SegmentOperator.IsNot),
            SegmentRuleKind.Purchases => rule.Operator == SegmentOperator.AtMost
                ? (await PurchasersAsync(db, (rule.Number ?? 0) + 1, cancellationToken), true)
                : (await PurchasersAsync(db, rule.Number ?? 0, cancellationToken), false),
            SegmentRuleKind.CategoryBought => (await db.Interactions.AsNoTracking()
                .Where(i => i.Type == InteractionType.Purchase && i.Item!.Category == rule.Value).Select(i => i.EndUserId).Distinct().ToListAsync(cancellationToken), rule.Operator == SegmentOperator.IsNot),
            SegmentRuleKind.Consent => (await ConsentedAsync(db, rule.Key ?? "", asOfUtc, everyone, cancellationToken), rule.Operator == SegmentOperator.IsNot),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown rule kind."),
        };
        if (!negate)
        {
            return [.. matching];
        }

        var all = everyone.ToHashSet();
        all.ExceptWith(matching);
        return all;
    }

    private static async Task<List<long>> ActiveSinceAsync(IAppDbContext db, DateTime since, CancellationToken cancellationToken) =>
        await db.Interactions.AsNoTracking().Where(i => i.OccurredAtUtc >= since).Select(i => i.EndUserId).Distinct().ToListAsync(cancellationToken);

    private static async Task<List<long>> PurchasersAsync(IAppDbContext db, int atLeast, CancellationToken cancellationToken)
    {
        if (atLeast <= 0)
        {
            return await db.EndUsers.AsNoTracking().Select(u => u.Id).ToListAsync(cancellationToken);
        }

        return await db.Interactions.AsNoTracking().Where(i => i.Type == InteractionType.Purchase)
            .GroupBy(i => i.EndUserId).Where(g => g.Count() >= atLeast).Select(g => g.Key).ToListAsync(cancellationToken);
    }

    private async Task<List<long>> ConsentedAsync(IAppDbContext db, string purpose, DateTime asOfUtc, IEnumerable<long> everyone, CancellationToken cancellationToken)
    {
        var allowed = await consent.EndUsersAllowedAsync(db.TenantId, purpose, asOfUtc, cancellationToken);
        return everyone.Where(allowed.Allows).ToList();
    }
}
