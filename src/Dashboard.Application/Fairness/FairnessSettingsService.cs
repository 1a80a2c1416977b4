using System.Globalization;
using Dashboard.Application.Auditing;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Fairness;
using Dashboard.Domain.Identity;

namespace Dashboard.Application.Fairness;

/// <summary>
/// The bias-audit thresholds. Anyone on the dashboard may read them; only a compliance officer (SignOffAudits)
/// may change them, and every change is audited with before and after. A change applies to audits run from then
/// on; stored audits keep the thresholds they were judged by.
/// </summary>
public sealed class FairnessSettingsService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IAuditLog audit, TimeProvider time)
{
    public const int MaxMinGroupSize = 100_000;

    public async Task<FairnessSettingsView> GetAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var s = await db.FairnessSettingsAsync(cancellationToken);
        return View(s);
    }

    public async Task<PrivacySaveResult> SaveAsync(FairnessSettingsView input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await currentUser.DemandAsync(Policies.SignOffAudits, cancellationToken);
        var problems = Validate(input);
        if (problems.Count > 0)
        {
            return new PrivacySaveResult(problems);
        }

        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var settings = await db.FairnessSettingsForUpdateAsync(cancellationToken);
        var before = Describe(View(settings));
        var after = Describe(input);
        if (before == after)
        {
            return PrivacySaveResult.Saved;
        }

        settings.RatioLower = input.RatioLower;
        settings.RatioUpper = input.RatioUpper;
        settings.RatioBlocking = input.RatioBlocking;
        settings.ExposureLower = input.ExposureLower;
        settings.ExposureBlocking = input.ExposureBlocking;
        settings.MaxExposureGini = input.MaxExposureGini;
        settings.ExposureGiniBlocking = input.ExposureGiniBlocking;
        settings.MaxCalibrationKl = input.MaxCalibrationKl;
        settings.CalibrationBlocking = input.CalibrationBlocking;
        settings.WarnMargin = input.WarnMargin;
        settings.MinGroupSize = input.MinGroupSize;
        settings.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        settings.UpdatedBy = caller.ActorName;
        audit.Record(db, caller, AuditActions.FairnessThresholdsChanged, "bias-audit thresholds", before, after);
        await db.SaveChangesAsync(cancellationToken);
        return PrivacySaveResult.Saved;
    }

    /// <summary>What is wrong with the thresholds, field by field; empty when they can be saved.</summary>
    public static IReadOnlyList<FieldMessage> Validate(FairnessSettingsView s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var problems = new List<FieldMessage>();
        if (!(double.IsFinite(s.RatioLower) && s.RatioLower is > 0 and < 1))
        {
            problems.Add(new(nameof(s.RatioLower), "The lowest acceptable ratio must be between 0 and 1 (0.8 is the usual choice)."));
        }

        if (!(double.IsFinite(s.RatioUpper) && s.RatioUpper > 1))
        {
            problems.Add(new(nameof(s.RatioUpper), "The highest acceptable ratio must be above 1 (1.25 is the usual choice)."));
        }

        if (!(double.IsFinite(s.ExposureLower) && s.ExposureLower is > 0 and <= 1))
        {
            problems.Add(new(nameof(s.ExposureLower), "The exposure threshold must be above 0 and at most 1 (0.8 is the four-fifths rule)."));
        }

        if (!(double.IsFinite(s.MaxExposureGini) && s.MaxExposureGini is > 0 and <= 1))
        {
            problems.Add(new(nameof(s.MaxExposureGini), "The largest acceptable exposure Gini must be above 0 and at most 1."));
        }

        if (!(double.IsFinite(s.MaxCalibrationKl) && s.MaxCalibrationKl > 0))
        {
            problems.Add(new(nameof(s.MaxCalibrationKl), "The largest acceptable calibration KL must be above 0."));
        }

        if (!(double.IsFinite(s.WarnMargin) && s.WarnMargin is >= 0 and < 0.5))
        {
            problems.Add(new(nameof(s.WarnMargin), "The warning margin must be from 0 to 0.5 (0.05 warns within 5 % of a threshold)."));
        }

        if (s.MinGroupSize is < 1 or > MaxMinGroupSize)
        {
            problems.Add(new(nameof(s.MinGroupSize), string.Create(CultureInfo.InvariantCulture,
                $"The smallest group to judge must be from 1 to {MaxMinGroupSize:N0} end-users (30 is common: smaller groups give ratios that chance alone can push past a threshold).")));
        }

        return problems;
    }

    private static FairnessSettingsView View(FairnessSettings s) => new(
        s.RatioLower, s.RatioUpper, s.RatioBlocking, s.ExposureLower, s.ExposureBlocking, s.MaxExposureGini, s.ExposureGiniBlocking,
        s.MaxCalibrationKl, s.CalibrationBlocking, s.WarnMargin, s.MinGroupSize, s.UpdatedBy is null ? null : s.UpdatedAtUtc, s.UpdatedBy);

    private static string Describe(FairnessSettingsView s) => AuditFields.Write(
        ("Quality and outcome ratio band", $"{N(s.RatioLower)}–{N(s.RatioUpper)}{Blocks(s.RatioBlocking)}"),
        ("Exposure (four-fifths) at least", $"{N(s.ExposureLower)}{Blocks(s.ExposureBlocking)}"),
        ("Exposure Gini at most", $"{N(s.MaxExposureGini)}{Blocks(s.ExposureGiniBlocking)}"),
        ("Calibration KL at most", $"{N(s.MaxCalibrationKl)}{Blocks(s.CalibrationBlocking)}"),
        ("Warning margin", N(s.WarnMargin)),
        ("Smallest group judged", s.MinGroupSize.ToString(CultureInfo.InvariantCulture)));

    private static string Blocks(bool blocking) => blocking ? ", blocking" : ", not blocking";

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
