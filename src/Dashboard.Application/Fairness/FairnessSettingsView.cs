namespace Dashboard.Application.Fairness;

/// <summary>The thresholds bias audits are judged by, as the settings form edits them; <see cref="UpdatedBy"/> is null while the defaults apply.</summary>
public sealed record FairnessSettingsView(
    double RatioLower,
    double RatioUpper,
    bool RatioBlocking,
    double ExposureLower,
    bool ExposureBlocking,
    double MaxExposureGini,
    bool ExposureGiniBlocking,
    double MaxCalibrationKl,
    bool CalibrationBlocking,
    double WarnMargin,
    int MinGroupSize,
    DateTime? UpdatedAtUtc = null,
    string? UpdatedBy = null);
