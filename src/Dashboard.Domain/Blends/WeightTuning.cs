using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Blends;

/// <summary>
/// The outcome of one "Tune weights" run of a blend: the weights it chose for the blend's components and
/// NDCG@10 of the blend's weights then and of the chosen ones, both on a validation part of the training
/// data. Written once by the run (its id is the run's); only <see cref="Status"/> changes afterwards.
/// </summary>
public sealed class WeightTuning : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid BlendId { get; set; }

    /// <summary>The blend specification that was tuned; applying is refused once the blend's components differ from it.</summary>
    public required string SpecJson { get; set; }

    /// <summary>One weight per component of <see cref="SpecJson"/>, in its order, as a JSON array.</summary>
    public required string ChosenWeightsJson { get; set; }

    public double CurrentNdcg { get; set; }

    public double ChosenNdcg { get; set; }

    /// <summary>End-users the NDCG values are averaged over.</summary>
    public int ValidationUsers { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public WeightTuningStatus Status { get; set; }
}
