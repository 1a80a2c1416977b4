using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Privacy;

/// <summary>
/// What an end-user's data may be used for. Every tenant has the three built-in purposes
/// (<see cref="Personalisation"/>, <see cref="Analytics"/>, <see cref="MarketingMessages"/>) and may add its own.
/// </summary>
public sealed class ConsentPurpose : ITenantOwned
{
    public const int NameMaxLength = 64;
    public const int DescriptionMaxLength = 500;

    public const string Personalisation = "Personalisation";
    public const string Analytics = "Analytics";
    public const string MarketingMessages = "Marketing messages";

    public static readonly IReadOnlyList<string> BuiltIn = [Personalisation, Analytics, MarketingMessages];

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public bool IsBuiltIn { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
