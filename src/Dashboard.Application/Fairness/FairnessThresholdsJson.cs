using System.Text.Json;
using Dashboard.Domain.Fairness;
using Dashboard.Recommender.Fairness;

namespace Dashboard.Application.Fairness;

/// <summary>Between a tenant's <see cref="FairnessSettings"/> row and the engine's <see cref="FairnessThresholds"/>, and the thresholds' stored JSON.</summary>
public static class FairnessThresholdsJson
{
    public static FairnessThresholds ToThresholds(this FairnessSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new FairnessThresholds
        {
            Ratio = new FairnessThreshold(settings.RatioLower, settings.RatioUpper, settings.RatioBlocking),
            Exposure = new FairnessThreshold(settings.ExposureLower, null, settings.ExposureBlocking),
            ExposureGini = new FairnessThreshold(null, settings.MaxExposureGini, settings.ExposureGiniBlocking),
            CalibrationKl = new FairnessThreshold(null, settings.MaxCalibrationKl, settings.CalibrationBlocking),
            WarnMargin = settings.WarnMargin,
            MinGroupSize = settings.MinGroupSize,
        };
    }

    public static string ToJson(FairnessThresholds thresholds) => JsonSerializer.Serialize(thresholds);

    public static FairnessThresholds FromJson(string json) =>
        JsonSerializer.Deserialize<FairnessThresholds>(json) ?? throw new JsonException("A bias audit's thresholds are empty.");
}
