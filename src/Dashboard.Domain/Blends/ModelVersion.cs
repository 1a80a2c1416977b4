using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Blends;

/// <summary>
/// One trained model of a blend, written once at the end of a successful training and never changed
/// afterwards — except that it can be found <see cref="ModelVersionStatus.Unusable"/> when its artifact
/// is damaged or missing. It records what it was trained with (specification snapshot, data manifest)
/// and how well it did (metrics), so versions can be compared and audited long after the blend changed.
/// </summary>
public sealed class ModelVersion : ITenantOwned
{
    public const int EngineVersionMaxLength = 64;
    public const int ReasonMaxLength = 1000;
    public const int JustificationMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid BlendId { get; set; }

    /// <summary>1, 2, 3… per blend, in the order the versions were written.</summary>
    public int Number { get; set; }

    /// <summary>The blend specification it was trained with.</summary>
    public required string SpecJson { get; set; }

    /// <summary>The held-out evaluation (precision, recall, NDCG, MAP at 10, coverage, novelty, per-group metrics).</summary>
    public required string MetricsJson { get; set; }

    /// <summary>What data it was trained on: counts, date range, a SHA-256 over the sorted end-user ids, the consent snapshot.</summary>
    public required string ManifestJson { get; set; }

    /// <summary>NDCG@10 on the held-out interactions, kept as a column to compare versions without reading JSON.</summary>
    public double NdcgAt10 { get; set; }

    public double TrainingSeconds { get; set; }

    public required string EngineVersion { get; set; }

    public Guid ArtifactId { get; set; }

    /// <summary>SHA-256 of the stored artifact, lower-case hex.</summary>
    public required string ArtifactSha256 { get; set; }

    public long ArtifactLength { get; set; }

    /// <summary>The training run that wrote it.</summary>
    public Guid? JobRunId { get; set; }

    public string? TrainedBy { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public ModelVersionStatus Status { get; set; }

    /// <summary>Why it is <see cref="ModelVersionStatus.Unusable"/>, in words people understand.</summary>
    public string? UnusableReason { get; set; }

    /// <summary>Where it stands with the compliance gate (its bias audit and any sign-off).</summary>
    public ReleaseReview Review { get; set; }

    /// <summary>The compliance officer who approved or rejected it.</summary>
    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    /// <summary>Why it was approved or rejected, in the compliance officer's words.</summary>
    public string? ReviewJustification { get; set; }

    /// <summary>The bias audit the review decided on.</summary>
    public Guid? ReviewedAuditId { get; set; }

    /// <summary>
    /// The stored audit snapshot of its held-out evaluation (anonymous rows: candidates, held-out items, history,
    /// group per sensitive attribute; no end-user ids), from which audits and what-if runs are computed.
    /// </summary>
    public Guid? AuditSnapshotArtifactId { get; set; }
}
