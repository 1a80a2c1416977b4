using Dashboard.Application.Auditing;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy;

/// <summary>
/// How each quasi-identifying end-user attribute (flagged at mapping) is generalised before k-anonymity is checked:
/// age into bands, postal code to a prefix, rare values to "other". Anyone on the dashboard may read the rules;
/// changing them needs ManagePrivacy and is audited with before and after.
/// </summary>
public sealed class GeneralisationRulesService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IAuditLog audit, TimeProvider time)
{
    /// <summary>Every attribute flagged quasi-identifying, with its rule (attributes no longer flagged keep a saved rule but are not listed).</summary>
    public async Task<IReadOnlyList<QuasiIdentifierRule>> ListAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var keys = await QuasiIdentifierKeysAsync(db, cancellationToken);
        var rules = await db.AttributeGeneralisations.AsNoTracking().ToDictionaryAsync(g => g.AttributeKey, StringComparer.Ordinal, cancellationToken);
        return [.. keys.Select(k => rules.TryGetValue(k, out var rule)
            ? new QuasiIdentifierRule(k, rule.Kind, rule.Parameter, GeneralisationRules.Describe(rule.Kind, rule.Parameter), rule.UpdatedAtUtc)
            : new QuasiIdentifierRule(k, null, null, GeneralisationRules.AsIs, null))];
    }

    public async Task<PrivacySaveResult> SaveAsync(string attributeKey, GeneralisationKind kind, int parameter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributeKey);
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        if (!Enum.IsDefined(kind))
        {
            return PrivacySaveResult.Refused(new FieldMessage("Kind", "Choose numeric bands, a prefix or rare values to “other”."));
        }

        if (GeneralisationRules.ToEngine(kind, parameter).Problem() is { } problem)
        {
            return PrivacySaveResult.Refused(new FieldMessage("Parameter", problem));
        }

        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        if (!(await QuasiIdentifierKeysAsync(db, cancellationToken)).Contains(attributeKey, StringComparer.Ordinal))
        {
            return PrivacySaveResult.Refused(new FieldMessage("AttributeKey", $"“{attributeKey}” is not an end-user attribute flagged as a quasi-identifier; flag it in the data source's mapping first."));
        }

        var rule = await db.AttributeGeneralisations.FirstOrDefaultAsync(g => g.AttributeKey == attributeKey, cancellationToken);
        var before = rule is null ? GeneralisationRules.AsIs : GeneralisationRules.Describe(rule.Kind, rule.Parameter);
        if (rule is null)
        {
            rule = new AttributeGeneralisation { Id = Guid.CreateVersion7(), AttributeKey = attributeKey };
            db.AttributeGeneralisations.Add(rule);
        }
        else if (rule.Kind == kind && rule.Parameter == parameter)
        {
            return PrivacySaveResult.Saved;
        }

        rule.Kind = kind;
        rule.Parameter = parameter;
        rule.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Record(db, caller, AuditActions.GeneralisationSaved, attributeKey, before, GeneralisationRules.Describe(kind, parameter));
        await db.SaveChangesAsync(cancellationToken);
        return PrivacySaveResult.Saved;
    }

    /// <summary>Uses the attribute's values as they are again.</summary>
    public async Task<Result> RemoveAsync(string attributeKey, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var rule = await db.AttributeGeneralisations.FirstOrDefaultAsync(g => g.AttributeKey == attributeKey, cancellationToken);
        if (rule is null)
        {
            return Result.Failure($"“{attributeKey}” has no generalisation to remove.");
        }

        db.AttributeGeneralisations.Remove(rule);
        audit.Record(db, caller, AuditActions.GeneralisationRemoved, attributeKey, GeneralisationRules.Describe(rule.Kind, rule.Parameter), GeneralisationRules.AsIs);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    internal static async Task<List<string>> QuasiIdentifierKeysAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await db.EndUserAttributes.AsNoTracking().Where(a => a.IsQuasiIdentifier).Select(a => a.Key).Distinct().OrderBy(k => k).ToListAsync(cancellationToken);
}
