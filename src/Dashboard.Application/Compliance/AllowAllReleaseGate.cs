using Dashboard.Domain.Blends;

namespace Dashboard.Application.Compliance;

/// <summary>
/// The compliance gate before bias audits exist: every ready version may go live. The bias-audit issue
/// replaces this class with one that blocks a version whose audit fails its thresholds until it is signed off.
/// </summary>
internal sealed class AllowAllReleaseGate : IReleaseGate
{
    public Task<ReleaseDecision> CheckAsync(ModelVersion version, CancellationToken cancellationToken) => Task.FromResult(ReleaseDecision.Allow);
}
