using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// A segment's rules: groups combined by <see cref="Match"/>, each group's rules combined by its own match.
/// No groups means every end-user. Stored as JSON in <see cref="Domain.Campaigns.Segment.DefinitionJson"/>.
/// </summary>
public sealed record SegmentDefinition(SegmentMatch Match, IReadOnlyList<SegmentGroup> Groups)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static SegmentDefinition Everyone { get; } = new(SegmentMatch.All, []);

    public IEnumerable<SegmentRule> AllRules => Groups.SelectMany(g => g.Rules);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads stored JSON; throws <see cref="JsonException"/> for text that is not a definition.</summary>
    public static SegmentDefinition Parse(string json) =>
        JsonSerializer.Deserialize<SegmentDefinition>(json, Json) is { Groups: not null } definition && definition.Groups.All(g => g?.Rules is not null)
            ? definition
            : throw new JsonException("The text is not a segment definition.");
}
