using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Privacy;

/// <summary>Re-key the organisation's stored end-user ids (turning pseudonymisation on, or rotating its key).</summary>
public sealed record RekeyPseudonymsParameters(RekeyReason Reason) : IJobParameters
{
    public static JobKind Kind => JobKind.RekeyPseudonyms;
}
