using System.Collections.Concurrent;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// What segment rules look at, read from an organisation's data in a few streamed queries and held in memory so a
/// definition is answered with bit operations: the end-users sorted by id, the positions holding each non-sensitive
/// attribute value, each end-user's latest activity and purchase count, who bought each category, and (asked of the
/// consent gate when a rule first needs it) who consents to each purpose. Reading is the expensive part — one pass over
/// the interactions —; evaluating a definition over 100,000 end-users takes milliseconds.
/// </summary>
internal sealed class SegmentSnapshot
{
    private readonly long[] _ids;
    private readonly Dictionary<(string Key, string Value), List<int>> _attributes;
    private readonly long[] _lastActiveTicks;
    private readonly int[] _purchases;
    private readonly Dictionary<string, MemberSet> _bought;
    private readonly ConcurrentDictionary<string, Lazy<Task<MemberSet>>> _consent = new(StringComparer.Ordinal);
    private readonly Func<string, Task<ConsentedEndUsers>> _consentGate;
    private readonly string[] _sensitiveKeys;
    private readonly string[] _categories;

    private SegmentSnapshot(
        long[] ids, Dictionary<(string, string), List<int>> attributes, long[] lastActiveTicks, int[] purchases, Dictionary<string, MemberSet> bought,
        Func<string, Task<ConsentedEndUsers>> consentGate, DateTime asOfUtc, string[] sensitiveKeys, string[] categories)
    {
        _sensitiveKeys = sensitiveKeys;
        _categories = categories;
        _ids = ids;
        _attributes = attributes;
        _lastActiveTicks = lastActiveTicks;
        _purchases = purchases;
        _bought = bought;
        _consentGate = consentGate;
        AsOfUtc = asOfUtc;
    }

    public DateTime AsOfUtc { get; }

    /// <summary>The end-users' database ids, ascending; a member set's positions index this.</summary>
    public IReadOnlyList<long> EndUserIds => _ids;

    /// <summary>
    /// Reads the facts. <paramref name="attributes"/> and <paramref name="activity"/> say whether attribute rules and
    /// activity/purchase/category rules will be asked, so a one-off evaluation reads only what its rules need.
    /// </summary>
    public static async Task<SegmentSnapshot> LoadAsync(IAppDbContext db, IConsentGate consent, bool attributes, bool activity, DateTime asOfUtc, CancellationToken cancellationToken)
    {
        var ids = await db.EndUsers.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id).ToArrayAsync(cancellationToken);
        var values = new Dictionary<(string, string), List<int>>();
        var sensitiveKeys = new HashSet<string>(StringComparer.Ordinal);
        if (attributes)
        {
            // Sensitive rows are read only for their key: their values (stored encrypted) never choose anyone.
            var rows = db.EndUserAttributes.AsNoTracking().Select(a => new { a.EndUserId, a.Key, Value = a.IsSensitive ? null : a.Value, a.IsSensitive }).AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                if (row.IsSensitive)
                {
                    sensitiveKeys.Add(row.Key);
                }
                else if (Array.BinarySearch(ids, row.EndUserId) is var position and >= 0)
                {
                    if (!values.TryGetValue((row.Key, row.Value!), out var positions))
                    {
                        values[(row.Key, row.Value!)] = positions = [];
                    }

                    positions.Add(position);
                }
            }
        }

        var lastActive = new long[activity ? ids.Length : 0];
        var purchases = new int[activity ? ids.Length : 0];
        var bought = new Dictionary<string, MemberSet>(StringComparer.Ordinal);
        var categories = activity
            ? await db.Items.AsNoTracking().Where(i => i.Category != null && i.Category != string.Empty).Select(i => new { i.Id, i.Category })
                .ToDictionaryAsync(i => i.Id, i => i.Category!, cancellationToken)
            : [];
        if (activity)
        {
            Array.Fill(lastActive, long.MinValue);
            var events = db.Interactions.AsNoTracking().Select(i => new { i.EndUserId, i.ItemId, i.Type, i.OccurredAtUtc }).AsAsyncEnumerable();
            await foreach (var e in events.WithCancellation(cancellationToken))
            {
                if (Array.BinarySearch(ids, e.EndUserId) is not (var position and >= 0))
                {
                    continue;
                }

                lastActive[position] = Math.Max(lastActive[position], e.OccurredAtUtc.Ticks);
                if (e.Type == InteractionType.Purchase)
                {
                    purchases[position]++;
                    if (categories.TryGetValue(e.ItemId, out var category))
                    {
                        if (!bought.TryGetValue(category, out var set))
                        {
                            bought[category] = set = MemberSet.None(ids.Length);
                        }

                        set.Add(position);
                    }
                }
            }
        }

        // The tenant, not the context: a cached snapshot outlives the context it was read with.
        var tenantId = db.TenantId;
        return new SegmentSnapshot(ids, values, lastActive, purchases, bought,
            purpose => consent.EndUsersAllowedAsync(tenantId, purpose, asOfUtc, CancellationToken.None), asOfUtc,
            [.. sensitiveKeys.Order(StringComparer.Ordinal)], [.. categories.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// What rules may name, from the facts read: non-sensitive attribute keys with their most common values, sensitive
    /// keys, categories; the consent purposes are the caller's to add (they are settings, not data).
    /// </summary>
    public SegmentVocabulary Vocabulary(IReadOnlyList<string> consentPurposes)
    {
        var sensitive = new HashSet<string>(_sensitiveKeys, StringComparer.OrdinalIgnoreCase);
        var attributes = _attributes.GroupBy(a => a.Key.Key, StringComparer.Ordinal)
            .Where(g => !sensitive.Contains(g.Key))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SegmentAttributeChoice(g.Key,
                [.. g.OrderByDescending(v => v.Value.Count).Take(SegmentVocabulary.ValuesPerKey).Select(v => v.Key.Value).Order(StringComparer.Ordinal)]))
            .ToList();
        return new SegmentVocabulary(attributes, _sensitiveKeys, _categories, consentPurposes);
    }

    public static bool NeedsAttributes(SegmentDefinition definition) => definition.AllRules.Any(r => r.Kind == SegmentRuleKind.Attribute);

    public static bool NeedsActivity(SegmentDefinition definition) =>
        definition.AllRules.Any(r => r.Kind is SegmentRuleKind.LastActive or SegmentRuleKind.Purchases or SegmentRuleKind.CategoryBought);

    /// <summary>The members as positions in <see cref="EndUserIds"/>; null when the definition sets no condition (everyone).</summary>
    public async Task<MemberSet?> ChooseAsync(SegmentDefinition definition, CancellationToken cancellationToken)
    {
        MemberSet? chosen = null;
        foreach (var group in definition.Groups)
        {
            MemberSet? inGroup = null;
            foreach (var rule in group.Rules)
            {
                inGroup = Combine(inGroup, await HoldsAsync(rule, cancellationToken), group.Match);
            }

            // An empty group adds no condition.
            if (inGroup is not null)
            {
                chosen = Combine(chosen, inGroup, definition.Match);
            }
        }

        return chosen;
    }

    /// <summary>The end-users the rule holds for, as a set of the caller's own.</summary>
    private async Task<MemberSet> HoldsAsync(SegmentRule rule, CancellationToken cancellationToken)
    {
        var set = MemberSet.None(_ids.Length);
        switch (rule.Kind)
        {
            case SegmentRuleKind.Attribute:
                foreach (var position in _attributes.GetValueOrDefault((rule.Key ?? string.Empty, rule.Value ?? string.Empty), []))
                {
                    set.Add(position);
                }

                return Negated(set, rule.Operator == SegmentOperator.IsNot);
            case SegmentRuleKind.LastActive:
                var since = AsOfUtc.AddDays(-(rule.Number ?? 0)).Ticks;
                for (var position = 0; position < _ids.Length; position++)
                {
                    if (_lastActiveTicks[position] >= since)
                    {
                        set.Add(position);
                    }
                }

                return Negated(set, rule.Operator == SegmentOperator.IsNot);
            case SegmentRuleKind.Purchases:
                var number = rule.Number ?? 0;
                for (var position = 0; position < _ids.Length; position++)
                {
                    if (rule.Operator == SegmentOperator.AtMost ? _purchases[position] <= number : _purchases[position] >= number)
                    {
                        set.Add(position);
                    }
                }

                return set;
            case SegmentRuleKind.CategoryBought:
                if (_bought.TryGetValue(rule.Value ?? string.Empty, out var buyers))
                {
                    set.UnionWith(buyers);
                }

                return Negated(set, rule.Operator == SegmentOperator.IsNot);
            case SegmentRuleKind.Consent:
                var purpose = rule.Key ?? string.Empty;
                set.UnionWith(await _consent.GetOrAdd(purpose, p => new Lazy<Task<MemberSet>>(() => ConsentedAsync(p))).Value.WaitAsync(cancellationToken));
                return Negated(set, rule.Operator == SegmentOperator.IsNot);
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown rule kind.");
        }
    }

    private async Task<MemberSet> ConsentedAsync(string purpose)
    {
        var allowed = await _consentGate(purpose);
        var set = MemberSet.None(_ids.Length);
        for (var position = 0; position < _ids.Length; position++)
        {
            if (allowed.Allows(_ids[position]))
            {
                set.Add(position);
            }
        }

        return set;
    }

    private static MemberSet Negated(MemberSet set, bool negate)
    {
        if (negate)
        {
            set.Complement();
        }

        return set;
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
