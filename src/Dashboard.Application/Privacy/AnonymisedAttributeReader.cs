using Dashboard.Application.Common;
using Dashboard.Recommender.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy;

/// <summary>
/// Reads a tenant's end-user attributes the way segments, bias audits and exports must use them: each
/// quasi-identifier generalised by its rule, the quasi-identifiers of end-users whose class is smaller than k removed,
/// sensitive values decrypted through <see cref="IAttributeValueProtector"/>. An attribute flagged both sensitive and
/// quasi-identifying is a quasi-identifier first (generalised and suppressed like the others): its l-diversity within
/// classes it defines would say nothing. It takes the tenant explicitly because
/// jobs call it too; callers check the caller's rights first.
/// </summary>
public sealed class AnonymisedAttributeReader(ITenantDbContextFactory dbFactory, IAttributeValueProtector protector)
{
    public async Task<AnonymisedAttributes> ReadAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateForTenant(tenantId);
        var settings = await db.PrivacySettingsAsync(cancellationToken);
        var rules = await db.AttributeGeneralisations.AsNoTracking()
            .ToDictionaryAsync(g => g.AttributeKey, g => GeneralisationRules.ToEngine(g.Kind, g.Parameter), StringComparer.Ordinal, cancellationToken);
        var endUserIds = await db.EndUsers.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
        var index = new Dictionary<long, int>(endUserIds.Count);
        for (var i = 0; i < endUserIds.Count; i++)
        {
            index[endUserIds[i]] = i;
        }

        var rows = await db.EndUserAttributes.AsNoTracking()
            .Select(a => new { a.EndUserId, a.Key, a.Value, a.IsSensitive, a.IsQuasiIdentifier })
            .ToListAsync(cancellationToken);

        var quasiKeys = rows.Where(r => r.IsQuasiIdentifier).Select(r => r.Key).Distinct().Order(StringComparer.Ordinal).ToList();
        var sensitiveKeys = rows.Where(r => r.IsSensitive).Select(r => r.Key).Distinct().Except(quasiKeys).Order(StringComparer.Ordinal).ToList();
        var quasiColumn = quasiKeys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        var sensitiveColumn = sensitiveKeys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        var raw = quasiKeys.Select(_ => new string?[endUserIds.Count]).ToList();
        var sensitive = sensitiveKeys.Select(_ => new string?[endUserIds.Count]).ToList();
        var others = new Dictionary<string, string>[endUserIds.Count];
        for (var i = 0; i < others.Length; i++)
        {
            others[i] = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        foreach (var row in rows)
        {
            var at = index[row.EndUserId];
            var value = row.IsSensitive ? protector.Unprotect(tenantId, row.Value) : row.Value;
            if (quasiColumn.TryGetValue(row.Key, out var q))
            {
                raw[q][at] = value;
            }
            else if (sensitiveColumn.TryGetValue(row.Key, out var s))
            {
                sensitive[s][at] = value;
            }
            else
            {
                others[at][row.Key] = value;
            }
        }

        var generalised = quasiKeys.Select((key, q) => Generalisation.Apply(rules.GetValueOrDefault(key) ?? GeneralisationRule.Keep, raw[q])).ToList();
        // With no quasi-identifier everyone shares one class; suppression would then remove nothing, as there is nothing to remove.
        IReadOnlyList<IReadOnlyList<string>> classes = generalised.Count > 0 ? generalised : [Enumerable.Repeat(string.Empty, endUserIds.Count).ToArray()];
        var together = KAnonymity.Evaluate(classes, settings.K, sensitive);
        return new AnonymisedAttributes(settings.K, endUserIds, quasiKeys, generalised, sensitiveKeys, sensitive, others, together);
    }
}
