using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Blends;

/// <summary>
/// A named way of making recommendations for one tenant: the engine's blend specification (components,
/// weights, re-ranking) as JSON, when it is retrained, how a new version goes live, and which of its
/// versions is serving now. Changing the specification never changes a version already trained.
/// </summary>
public sealed class Blend : ITenantOwned
{
    public const int NameMaxLength = 100;
    public const int CronMaxLength = 100;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    /// <summary>The engine's blend specification (BlendSpec) as JSON.</summary>
    public required string SpecJson { get; set; }

    public TrainingSchedule Schedule { get; set; }

    /// <summary>The cron expression (five fields, UTC) when <see cref="Schedule"/> is <see cref="TrainingSchedule.Cron"/>.</summary>
    public string? CronExpression { get; set; }

    /// <summary>Activate a newly trained version on its own when its NDCG@10 is at least the active one's minus <see cref="AutoActivateMargin"/>.</summary>
    public bool AutoActivate { get; set; }

    /// <summary>How much lower (absolute NDCG@10) a new version may score and still be activated automatically.</summary>
    public double AutoActivateMargin { get; set; }

    /// <summary>How many versions to keep; older ones (never the active one) are deleted with their artifacts.</summary>
    public int KeepVersions { get; set; }

    /// <summary>The version serving now; null before the first activation.</summary>
    public Guid? ActiveVersionId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Changes with every save, so two people (or a job and a person) cannot overwrite each other's change unseen.</summary>
    public Guid ConcurrencyStamp { get; set; }
}
