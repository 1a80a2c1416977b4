using Dashboard.Domain.Blends;

namespace Dashboard.Application.Compliance;

/// <summary>The one place that decides whether a model version may be activated (by a person, a rollback or auto-activation).</summary>
public interface IReleaseGate
{
    Task<ReleaseDecision> CheckAsync(ModelVersion version, CancellationToken cancellationToken);
}
