using System.Text;
using System.Text.Json;
using Dashboard.Recommender.Blending;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// The JSON form of a <see cref="BlendSpec"/>, written by hand so it stays stable: camelCase fields in
/// a fixed order, enums by name, map keys sorted ordinally. Reading accepts missing fields (defaults)
/// and names enums ignoring case; an unknown component kind or normalisation is refused by name.
/// </summary>
internal static class BlendSpecJson
{
    public static string Write(BlendSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("components");
            foreach (var component in spec.Components)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", component.Kind.ToString());
                writer.WriteNumber("weight", component.Weight);
                writer.WriteStartObject("options");
                foreach (var key in component.Options.Keys.Order(StringComparer.Ordinal))
                {
                    writer.WriteString(key, component.Options[key]);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("eventWeights");
            foreach (var key in spec.EventWeights.Keys.Order(StringComparer.Ordinal))
            {
                writer.WriteNumber(key, spec.EventWeights[key]);
            }

            writer.WriteEndObject();
            writer.WriteString("normalization", spec.Normalization.ToString());
            writer.WriteStartObject("rerank");
            writer.WriteBoolean("excludeSeen", spec.Rerank.ExcludeSeen);
            writer.WriteNumber("mmrLambda", spec.Rerank.MmrLambda);
            if (spec.Rerank.MaxPerCategory is { } cap)
            {
                writer.WriteNumber("maxPerCategory", cap);
            }
            else
            {
                writer.WriteNull("maxPerCategory");
            }

            writer.WriteNumber("longTailBoost", spec.Rerank.LongTailBoost);
            writer.WriteEndObject();
            writer.WriteNumber("listSize", spec.ListSize);
            writer.WriteBoolean("popularityFallback", spec.PopularityFallback);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static BlendSpec Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Expect(root, JsonValueKind.Object, "A blend spec");
        var spec = new BlendSpec();
        if (TryGet(root, "components", out var components))
        {
            Expect(components, JsonValueKind.Array, "\"components\"");
            var list = new List<ComponentSpec>();
            foreach (var element in components.EnumerateArray())
            {
                list.Add(ReadComponent(element, list.Count));
            }

            spec = spec with { Components = list };
        }

        if (TryGet(root, "eventWeights", out var weights))
        {
            Expect(weights, JsonValueKind.Object, "\"eventWeights\"");
            var map = new Dictionary<string, double>(EventNameComparer.Instance);
            foreach (var property in weights.EnumerateObject())
            {
                map[property.Name] = Number(property.Value, $"eventWeights.{property.Name}");
            }

            spec = spec with { EventWeights = map };
        }

        if (TryGet(root, "normalization", out var normalization))
        {
            spec = spec with { Normalization = EnumValue<ScoreNormalization>(normalization, "normalization") };
        }

        if (TryGet(root, "rerank", out var rerank))
        {
            spec = spec with { Rerank = ReadRerank(rerank) };
        }

        if (TryGet(root, "listSize", out var listSize))
        {
            spec = spec with { ListSize = Integer(listSize, "listSize") };
        }

        if (TryGet(root, "popularityFallback", out var fallback))
        {
            spec = spec with { PopularityFallback = Boolean(fallback, "popularityFallback") };
        }

        return spec;
    }

    private static ComponentSpec ReadComponent(JsonElement element, int index)
    {
        var path = $"components[{index}]";
        Expect(element, JsonValueKind.Object, path);
        if (!TryGet(element, "kind", out var kindElement))
        {
            throw new JsonException($"{path} has no \"kind\".");
        }

        var kind = EnumValue<ComponentKind>(kindElement, $"{path}.kind");
        var weight = TryGet(element, "weight", out var w) ? Number(w, $"{path}.weight") : 1;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (TryGet(element, "options", out var optionElement))
        {
            Expect(optionElement, JsonValueKind.Object, $"{path}.options");
            foreach (var property in optionElement.EnumerateObject())
            {
                options[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => throw new JsonException($"{path}.options.{property.Name} must be a string, number or boolean."),
                };
            }
        }

        return new ComponentSpec(kind, weight, options);
    }

    private static RerankSpec ReadRerank(JsonElement element)
    {
        Expect(element, JsonValueKind.Object, "\"rerank\"");
        var rerank = new RerankSpec();
        if (TryGet(element, "excludeSeen", out var excludeSeen))
        {
            rerank = rerank with { ExcludeSeen = Boolean(excludeSeen, "rerank.excludeSeen") };
        }

        if (TryGet(element, "mmrLambda", out var lambda))
        {
            rerank = rerank with { MmrLambda = Number(lambda, "rerank.mmrLambda") };
        }

        if (TryGet(element, "maxPerCategory", out var cap))
        {
            rerank = rerank with { MaxPerCategory = cap.ValueKind == JsonValueKind.Null ? null : Integer(cap, "rerank.maxPerCategory") };
        }

        if (TryGet(element, "longTailBoost", out var boost))
        {
            rerank = rerank with { LongTailBoost = Number(boost, "rerank.longTailBoost") };
        }

        return rerank;
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string what)
    {
        if (element.ValueKind != kind)
        {
            throw new JsonException($"{what} must be a JSON {kind.ToString().ToLowerInvariant()}.");
        }
    }

    private static TEnum EnumValue<TEnum>(JsonElement element, string path)
        where TEnum : struct, Enum
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (text is null || int.TryParse(text, out _) || !Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) || !Enum.IsDefined(value))
        {
            throw new JsonException(
                $"{path}: \"{text ?? element.GetRawText()}\" is not a known {typeof(TEnum).Name}. Known: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }

        return value;
    }

    private static double Number(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number ? element.GetDouble() : throw new JsonException($"{path} must be a number.");

    private static int Integer(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value)
            ? value
            : throw new JsonException($"{path} must be a whole number.");

    private static bool Boolean(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new JsonException($"{path} must be true or false."),
    };
}
