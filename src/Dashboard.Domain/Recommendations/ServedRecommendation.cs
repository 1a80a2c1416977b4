using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Recommendations;

/// <summary>
/// A list the serving API answered with, written shortly after the answer (in batches, off the request
/// path), so feedback can be tied to what was shown and the privacy feature can export or erase what an
/// end-user was shown. Ids are external ids as sent: a cold end-user has no end-user row.
/// </summary>
public sealed class ServedRecommendation : ITenantOwned
{
    /// <summary>Longest recommendation id the API issues.</summary>
    public const int IdMaxLength = 32;

    /// <summary>The recommendation_id given to the client.</summary>
    public required string Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>For whom (recommendations), or null for similar items.</summary>
    public string? EndUserExternalId { get; set; }

    /// <summary>The item the list was similar to (similar items), or null.</summary>
    public string? SourceItemExternalId { get; set; }

    public Guid BlendId { get; set; }

    public Guid ModelVersionId { get; set; }

    public bool Personalised { get; set; }

    /// <summary>The campaign the list was served for (<c>campaign=</c>), or null.</summary>
    public Guid? CampaignId { get; set; }

    /// <summary>The campaign's arm the end-user was assigned to, or null.</summary>
    public Guid? CampaignArmId { get; set; }

    /// <summary>The items in rank order, as a JSON array of ids.</summary>
    public required string ItemIdsJson { get; set; }

    public DateTime ServedAtUtc { get; set; }
}
