using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// A campaign's business rules, applied to every list it serves or exports, on top of the blend's own
/// re-ranking: only items of <see cref="IncludeCategories"/> (when any are named), never items of
/// <see cref="ExcludeCategories"/> or <see cref="ExcludeItems"/>, promoted items pinned or boosted, and at most
/// <see cref="MaxPerCategory"/> items of one category. Stored as JSON in <see cref="Domain.Campaigns.Campaign.RulesJson"/>.
/// </summary>
public sealed record CampaignRules
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static CampaignRules None { get; } = new();

    public IReadOnlyList<string> IncludeCategories { get; init; } = [];

    public IReadOnlyList<string> ExcludeCategories { get; init; } = [];

    public IReadOnlyList<string> ExcludeItems { get; init; } = [];

    public IReadOnlyList<PinnedItem> PinnedItems { get; init; } = [];

    public IReadOnlyList<BoostedItem> BoostedItems { get; init; } = [];

    /// <summary>At most this many items of one category in a list; null keeps the blend's own cap.</summary>
    public int? MaxPerCategory { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads stored JSON; throws <see cref="JsonException"/> for text that is not a rules object.</summary>
    public static CampaignRules Parse(string json) =>
        JsonSerializer.Deserialize<CampaignRules>(json, Json) ?? throw new JsonException("The text is not a campaign's rules.");
}
