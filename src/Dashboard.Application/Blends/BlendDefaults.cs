using Dashboard.Domain.Blends;
using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Blends;

/// <summary>The blend every organisation starts with, and the defaults of a new blend's settings.</summary>
public static class BlendDefaults
{
    public const string DefaultBlendName = "Default";

    /// <summary>NDCG@10 is noisy by about this much between trainings on the same data; a smaller drop still activates.</summary>
    public const double AutoActivateMargin = 0.01;

    public const int KeepVersions = 10;

    public const int MaxKeepVersions = 100;

    /// <summary>The "Default" blend: the engine's best top-N blend, trained when someone asks (no schedule until one is chosen), activated automatically.</summary>
    public static Blend CreateDefault(DateTime nowUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = DefaultBlendName,
        SpecJson = BlendSpec.Default.ToJson(),
        Schedule = TrainingSchedule.None,
        AutoActivate = true,
        AutoActivateMargin = AutoActivateMargin,
        KeepVersions = KeepVersions,
        CreatedAtUtc = nowUtc,
        UpdatedAtUtc = nowUtc,
        ConcurrencyStamp = Guid.NewGuid(),
    };
}
