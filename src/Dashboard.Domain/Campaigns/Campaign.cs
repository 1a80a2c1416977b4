using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Campaigns;

/// <summary>
/// A recommendation campaign: an audience (<see cref="SegmentId"/>), a channel, a goal, business rules (JSON,
/// the Application layer's <c>CampaignRules</c>), a list size, dates, and one or more arms (an A/B experiment when
/// more than one). Only a person with ManageBlendsAndCampaigns changes it, and every change is audited.
/// </summary>
public sealed class Campaign : ITenantOwned
{
    public const int NameMaxLength = 100;
    public const int CronMaxLength = 100;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public CampaignGoal Goal { get; set; }

    public CampaignChannel Channel { get; set; }

    /// <summary>The audience; null while a draft has none, or when its segment was deleted (then it cannot start).</summary>
    public Guid? SegmentId { get; set; }

    /// <summary>Business rules as JSON (<c>CampaignRules</c>): categories and items to include or exclude, pinned and boosted items, a per-category cap.</summary>
    public required string RulesJson { get; set; }

    /// <summary>How many items each list holds.</summary>
    public int ListSize { get; set; }

    public DateTime StartsAtUtc { get; set; }

    /// <summary>When the campaign ends; null runs until ended by hand.</summary>
    public DateTime? EndsAtUtc { get; set; }

    /// <summary>The state people set; read <see cref="EffectiveState"/> for what holds now.</summary>
    public CampaignState State { get; set; }

    /// <summary>For e-mail campaigns: when the export runs on its own (five-field cron, UTC); null for by hand only.</summary>
    public string? ExportCron { get; set; }

    public List<CampaignArm> Arms { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Changes with every save, so two people (or a person and a job) cannot overwrite each other's change unseen.</summary>
    public Guid ConcurrencyStamp { get; set; }

    /// <summary>
    /// The state at <paramref name="nowUtc"/>: a scheduled campaign whose start has come runs, and a scheduled,
    /// running or paused campaign past its end has ended. Draft stays draft whatever the dates.
    /// </summary>
    public CampaignState EffectiveState(DateTime nowUtc) => State switch
    {
        CampaignState.Draft or CampaignState.Ended => State,
        _ when EndsAtUtc is { } end && nowUtc >= end => CampaignState.Ended,
        CampaignState.Scheduled when nowUtc >= StartsAtUtc => CampaignState.Running,
        _ => State,
    };
}
