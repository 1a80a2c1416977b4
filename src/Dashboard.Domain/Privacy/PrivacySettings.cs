using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Privacy;

/// <summary>
/// A tenant's privacy settings, one row per tenant (absent means the defaults below). Every change is
/// audited with its before and after.
/// </summary>
public sealed class PrivacySettings : ITenantOwned
{
    public const int DefaultK = 5;
    public const double DefaultEpsilonPerQuery = 0.5;
    public const double DefaultEpsilonBudget = 10;

    public Guid TenantId { get; set; }

    /// <summary>What an end-user with no consent record for a purpose means: false (the default) is "not consented".</summary>
    public bool NoRecordMeansConsented { get; set; }

    /// <summary>End-user ids are replaced by a keyed HMAC on the way in. Cannot be turned off again.</summary>
    public bool PseudonymiseEndUserIds { get; set; }

    public DateTime? PseudonymisedSinceUtc { get; set; }

    /// <summary>The k of k-anonymity for quasi-identifiers.</summary>
    public int K { get; set; } = DefaultK;

    /// <summary>The ε one noisy aggregate figure spends.</summary>
    public double EpsilonPerQuery { get; set; } = DefaultEpsilonPerQuery;

    /// <summary>The ε the tenant's marketers may spend per calendar month (UTC).</summary>
    public double EpsilonBudgetPerMonth { get; set; } = DefaultEpsilonBudget;

    /// <summary>Interactions older than this many days are deleted; null keeps them.</summary>
    public int? RetentionDays { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedBy { get; set; }
}
