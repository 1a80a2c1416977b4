using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Fairness;

/// <summary>
/// A tenant's bias-audit thresholds, one row per tenant (absent means the defaults below), set by compliance
/// officers; every change is audited with its before and after. Defaults: the 0.8–1.25 ratio band of Aequitas
/// for quality and outcome-rate ratios, the four-fifths rule (29 CFR 1607.4(D)) for exposure, a maximum exposure
/// Gini and a maximum mean calibration KL. Ratio and exposure failures block a release by default.
/// </summary>
public sealed class FairnessSettings : ITenantOwned
{
    public const double DefaultRatioLower = 0.8;
    public const double DefaultRatioUpper = 1.25;
    public const double DefaultExposureLower = 0.8;
    public const double DefaultMaxExposureGini = 0.9;
    // Ten-item lists against a whole history: on the demo data and on MovieLens every group's mean KL sits near 0.9, so a
    // 0.5 maximum failed every group alike and told nobody anything; 1.0 flags a group whose lists stray far beyond that.
    public const double DefaultMaxCalibrationKl = 1.0;
    public const double DefaultWarnMargin = 0.05;
    public const int DefaultMinGroupSize = 30;

    public Guid TenantId { get; set; }

    /// <summary>Lowest acceptable ratio of a group's P/Recall/NDCG@10 or outcome rate to the best group's.</summary>
    public double RatioLower { get; set; } = DefaultRatioLower;

    /// <summary>Highest acceptable ratio (a group served far better than the best-judged one is also a disparity).</summary>
    public double RatioUpper { get; set; } = DefaultRatioUpper;

    public bool RatioBlocking { get; set; } = true;

    /// <summary>Lowest acceptable disparate-impact ratio of a category's share of a group's slots to the others' share.</summary>
    public double ExposureLower { get; set; } = DefaultExposureLower;

    public bool ExposureBlocking { get; set; } = true;

    /// <summary>Highest acceptable Gini coefficient of item exposure over the catalogue.</summary>
    public double MaxExposureGini { get; set; } = DefaultMaxExposureGini;

    public bool ExposureGiniBlocking { get; set; }

    /// <summary>Highest acceptable mean KL divergence of a group's recommended category mix from its history (Steck, 2018).</summary>
    public double MaxCalibrationKl { get; set; } = DefaultMaxCalibrationKl;

    public bool CalibrationBlocking { get; set; }

    /// <summary>A figure this close to a bound (relative to it) on the passing side is a warning.</summary>
    public double WarnMargin { get; set; } = DefaultWarnMargin;

    /// <summary>Groups with fewer evaluated end-users are shown as "too few to judge".</summary>
    public int MinGroupSize { get; set; } = DefaultMinGroupSize;

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedBy { get; set; }
}
