using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Dashboard.Application.Recommendations;

/// <summary>One item of a served list.</summary>
public sealed record RecommendedItemDto(
    [property: JsonPropertyName("item_id"), Description("The item's id.")] string ItemId,
    [property: JsonPropertyName("title"), Description("The item's title (its id when the catalogue has no title yet).")] string Title,
    [property: JsonPropertyName("category"), Description("The item's first category, or null.")] string? Category,
    [property: JsonPropertyName("categories"), Description("All the item's categories.")] IReadOnlyList<string> Categories,
    [property: JsonPropertyName("score"), Description("Blended relevance; comparable within one list only.")] double Score,
    [property: JsonPropertyName("rank"), Description("Position in the list, from 1.")] int Rank,
    [property: JsonPropertyName("reason_codes"), Description("Short stable codes saying why: because-history, taste-match, popular, trending, similar-item, long-tail-boost, diversified, …")] IReadOnlyList<string> ReasonCodes);
