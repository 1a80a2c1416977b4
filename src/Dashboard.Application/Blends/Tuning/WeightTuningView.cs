using Dashboard.Domain.Blends;

namespace Dashboard.Application.Blends.Tuning;

/// <summary>
/// The latest tuning of a blend as the editor shows it. NDCG values are on the validation part of the
/// training data. <see cref="Outdated"/>: the blend's components changed since, so it can no longer be applied.
/// </summary>
public sealed record WeightTuningView(
    Guid Id,
    Guid BlendId,
    IReadOnlyList<TunedComponentView> Components,
    double CurrentNdcg,
    double ChosenNdcg,
    int ValidationUsers,
    DateTime CreatedAtUtc,
    WeightTuningStatus Status,
    bool Outdated)
{
    public bool CanApply => Status == WeightTuningStatus.Proposed && !Outdated;
}
