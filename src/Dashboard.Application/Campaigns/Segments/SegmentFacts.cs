using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// What one evaluation reads from the database, each fact at most once however many rules ask for it: the set
/// of end-users with an attribute value, active since a day, who bought a category or consent to a purpose, and
/// everyone's purchase count (one grouped query serves every purchases rule). Positions are those of
/// <see cref="EndUserIds"/>; rows of end-users added after it was read are skipped.
/// </summary>
internal sealed class SegmentFacts(IAppDbContext db, IConsentGate consent, long[] endUserIds, DateTime asOfUtc)
{
    private readonly Dictionary<(SegmentRuleKind Kind, string Key, string Value), MemberSet> _sets = [];
    private int[]? _purchases;

    public long[] EndUserIds => endUserIds;

    /// <summary>The end-users the rule holds for: a set the caller may change.</summary>
    public async Task<MemberSet> HoldsAsync(SegmentRule rule, CancellationToken cancellationToken)
    {
        MemberSet holds;
        bool negate;
        switch (rule.Kind)
        {
            case SegmentRuleKind.Attribute:
                holds = await CachedAsync(rule, rule.Key ?? string.Empty, rule.Value ?? string.Empty, () => db.EndUserAttributes.AsNoTracking()
                    .Where(a => a.Key == rule.Key && a.Value == rule.Value && !a.IsSensitive).Select(a => a.EndUserId), cancellationToken);
                negate = rule.Operator == SegmentOperator.IsNot;
                break;
            case SegmentRuleKind.LastActive:
                var since = asOfUtc.AddDays(-(rule.Number ?? 0));
                holds = await CachedAsync(rule, string.Empty, since.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), () => db.Interactions.AsNoTracking()
                    .Where(i => i.OccurredAtUtc >= since).Select(i => i.EndUserId).Distinct(), cancellationToken);
                negate = rule.Operator == SegmentOperator.IsNot;
                break;
            case SegmentRuleKind.Purchases:
                return await PurchasesAsync(rule.Operator, rule.Number ?? 0, cancellationToken);
            case SegmentRuleKind.CategoryBought:
                holds = await CachedAsync(rule, string.Empty, rule.Value ?? string.Empty, () => db.Interactions.AsNoTracking()
                    .Where(i => i.Type == InteractionType.Purchase && i.Item!.Category == rule.Value).Select(i => i.EndUserId).Distinct(), cancellationToken);
                negate = rule.Operator == SegmentOperator.IsNot;
                break;
            case SegmentRuleKind.Consent:
                holds = await ConsentedAsync(rule.Key ?? string.Empty, cancellationToken);
                negate = rule.Operator == SegmentOperator.IsNot;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown rule kind.");
        }

        var result = holds.Copy();
        if (negate)
        {
            result.Complement();
        }

        return result;
    }

    private async Task<MemberSet> CachedAsync(SegmentRule rule, string key, string value, Func<IQueryable<long>> query, CancellationToken cancellationToken)
    {
        if (_sets.TryGetValue((rule.Kind, key, value), out var cached))
        {
            return cached;
        }

        var set = MemberSet.None(endUserIds.Length);
        await foreach (var id in query().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (PositionOf(id) is var position and >= 0)
            {
                set.Add(position);
            }
        }

        _sets[(rule.Kind, key, value)] = set;
        return set;
    }

    private async Task<MemberSet> PurchasesAsync(SegmentOperator op, int number, CancellationToken cancellationToken)
    {
        if (_purchases is null)
        {
            _purchases = new int[endUserIds.Length];
            var counts = db.Interactions.AsNoTracking().Where(i => i.Type == InteractionType.Purchase)
                .GroupBy(i => i.EndUserId).Select(g => new { EndUserId = g.Key, Count = g.Count() }).AsAsyncEnumerable();
            await foreach (var row in counts.WithCancellation(cancellationToken))
            {
                if (PositionOf(row.EndUserId) is var position and >= 0)
                {
                    _purchases[position] = row.Count;
                }
            }
        }

        var set = MemberSet.None(endUserIds.Length);
        for (var position = 0; position < _purchases.Length; position++)
        {
            var count = _purchases[position];
            if (op == SegmentOperator.AtMost ? count <= number : count >= number)
            {
                set.Add(position);
            }
        }

        return set;
    }

    private async Task<MemberSet> ConsentedAsync(string purpose, CancellationToken cancellationToken)
    {
        if (_sets.TryGetValue((SegmentRuleKind.Consent, purpose, string.Empty), out var cached))
        {
            return cached;
        }

        var allowed = await consent.EndUsersAllowedAsync(db.TenantId, purpose, asOfUtc, cancellationToken);
        var set = MemberSet.None(endUserIds.Length);
        for (var position = 0; position < endUserIds.Length; position++)
        {
            if (allowed.Allows(endUserIds[position]))
            {
                set.Add(position);
            }
        }

        _sets[(SegmentRuleKind.Consent, purpose, string.Empty)] = set;
        return set;
    }

    private int PositionOf(long endUserId) => Array.BinarySearch(endUserIds, endUserId);
}
