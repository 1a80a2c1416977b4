using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Blends.Tuning;

/// <summary>Tune the component weights of one blend.</summary>
public sealed record TuneBlendParameters(Guid BlendId) : IJobParameters
{
    public static JobKind Kind => JobKind.TuneBlend;
}
