using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Fairness;

/// <summary>Audit one model version for bias on its held-out data.</summary>
/// <param name="ModelVersionId">The version to audit.</param>
/// <param name="AfterTraining">
/// True when the training that wrote the version queued it: a cleared version is then activated as the training
/// would have activated it (the blend's first version, or automatic activation within the margin).
/// </param>
public sealed record AuditModelParameters(Guid ModelVersionId, bool AfterTraining = false) : IJobParameters
{
    public static JobKind Kind => JobKind.AuditModel;
}
