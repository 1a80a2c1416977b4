using System.Globalization;
using Dashboard.Application.Auditing;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;

namespace Dashboard.Application.Privacy;

/// <summary>
/// The k of k-anonymity and the differential-privacy ε (per query and per month). Anyone on the dashboard may read
/// them; changing them needs ManagePrivacy, and every change is audited with before and after.
/// </summary>
public sealed class AnonymitySettingsService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IAuditLog audit, TimeProvider time)
{
    public const string KGuidance =
        "k = 5 is common practice: every combination of quasi-identifiers (age band, postal area…) is shared by at least 5 end-users, "
        + "or those end-users' quasi-identifiers are withheld. HIPAA's expert determination and the ICO's anonymisation guidance ask for a "
        + "documented threshold; a higher k protects more and withholds more.";

    public const int MaxK = 1000;

    public async Task<AnonymitySettingsView> GetAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var settings = await db.PrivacySettingsAsync(cancellationToken);
        return new AnonymitySettingsView(settings.K, settings.EpsilonPerQuery, settings.EpsilonBudgetPerMonth, KGuidance,
            settings.UpdatedBy is null ? null : settings.UpdatedAtUtc, settings.UpdatedBy);
    }

    public async Task<PrivacySaveResult> SaveKAsync(int k, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        if (k is < 2 or > MaxK)
        {
            return PrivacySaveResult.Refused(new FieldMessage("K", $"k must be a whole number from 2 to {MaxK}: with k = 1 every end-user is a class of their own and nothing is protected."));
        }

        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var settings = await db.PrivacySettingsForUpdateAsync(cancellationToken);
        var before = settings.K;
        if (before == k)
        {
            return PrivacySaveResult.Saved;
        }

        settings.K = k;
        Stamp(settings, caller);
        audit.Record(db, caller, AuditActions.PrivacyKChanged, "k-anonymity",
            AuditFields.Write(("k", Number(before))), AuditFields.Write(("k", Number(k))));
        await db.SaveChangesAsync(cancellationToken);
        return PrivacySaveResult.Saved;
    }

    public async Task<PrivacySaveResult> SaveBudgetAsync(double epsilonPerQuery, double epsilonBudgetPerMonth, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        var problems = new List<FieldMessage>();
        if (!(double.IsFinite(epsilonPerQuery) && epsilonPerQuery > 0))
        {
            problems.Add(new("EpsilonPerQuery", "ε per query must be greater than 0 (smaller means more noise and more privacy)."));
        }

        if (!double.IsFinite(epsilonBudgetPerMonth) || epsilonBudgetPerMonth < epsilonPerQuery || epsilonBudgetPerMonth <= 0)
        {
            problems.Add(new("EpsilonBudgetPerMonth", "The monthly budget must be at least the ε of one query, or no figure could ever be shown."));
        }

        if (problems.Count > 0)
        {
            return new PrivacySaveResult(problems);
        }

        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var settings = await db.PrivacySettingsForUpdateAsync(cancellationToken);
        var before = Describe(settings.EpsilonPerQuery, settings.EpsilonBudgetPerMonth);
        if (settings.EpsilonPerQuery == epsilonPerQuery && settings.EpsilonBudgetPerMonth == epsilonBudgetPerMonth)
        {
            return PrivacySaveResult.Saved;
        }

        settings.EpsilonPerQuery = epsilonPerQuery;
        settings.EpsilonBudgetPerMonth = epsilonBudgetPerMonth;
        Stamp(settings, caller);
        audit.Record(db, caller, AuditActions.PrivacyBudgetChanged, "differential privacy", before, Describe(epsilonPerQuery, epsilonBudgetPerMonth));
        await db.SaveChangesAsync(cancellationToken);
        return PrivacySaveResult.Saved;
    }

    private void Stamp(PrivacySettings settings, CallerContext caller)
    {
        settings.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        settings.UpdatedBy = caller.ActorName;
    }

    private static string Describe(double perQuery, double budget) =>
        AuditFields.Write(("ε per query", Epsilon(perQuery)), ("ε budget per month", Epsilon(budget)));

    internal static string Epsilon(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
