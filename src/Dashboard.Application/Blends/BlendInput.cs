using Dashboard.Domain.Blends;
using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Blends;

/// <summary>What the blend editor submits.</summary>
/// <param name="ConcurrencyStamp">The stamp the editor read (<see cref="BlendView.ConcurrencyStamp"/>); ignored when adding a blend.</param>
public sealed record BlendInput(
    string Name, BlendSpec Spec, TrainingSchedule Schedule = TrainingSchedule.None, string? CronExpression = null,
    bool AutoActivate = true, double AutoActivateMargin = BlendDefaults.AutoActivateMargin, int KeepVersions = BlendDefaults.KeepVersions,
    Guid ConcurrencyStamp = default);
