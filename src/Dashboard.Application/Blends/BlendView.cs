using Dashboard.Domain.Blends;
using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Blends;

/// <summary>A blend as the Algorithms page shows and edits it.</summary>
public sealed record BlendView(
    Guid Id, string Name, BlendSpec Spec, TrainingSchedule Schedule, string? CronExpression, string ScheduleText, IReadOnlyList<DateTime> NextRunsUtc,
    bool AutoActivate, double AutoActivateMargin, int KeepVersions, Guid? ActiveVersionId, int? ActiveVersionNumber, DateTime UpdatedAtUtc, Guid ConcurrencyStamp);
