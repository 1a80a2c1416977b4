using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Blending;

/// <summary>
/// Hybrid recommender: a weighted average of already-fitted components' per-user normalised scores.
/// For an item, blended = Σ wᵢ·nᵢ / Σ wᵢ over the components that could score it (a component
/// writing NaN drops out instead of dragging the item down), so every contribution is
/// wᵢ / Σ w · nᵢ and they sum to the blended score. Zero-weight components are not scored.
/// Users without history in <see cref="History"/> are served by the fallback alone (typically
/// popularity), with the same normalisation; without a fallback they get the blend like anyone else.
/// The blend is itself an <see cref="IRecommender"/>, so it can be evaluated and re-ranked like any model.
/// </summary>
public sealed class WeightedBlend : IRecommender
{
    public const string AlgorithmName = "weighted-blend";

    private const int FormatVersion = 1;

    private readonly BlendComponent[] _components;
    private readonly BlendComponent[] _active;
    private readonly BlendComponent[] _coldStart;

    public WeightedBlend(
        IEnumerable<BlendComponent> components,
        InteractionMatrix history,
        ScoreNormalization normalization = ScoreNormalization.Rank,
        IRecommender? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(history);
        _components = [.. components];
        if (_components.Length == 0)
        {
            throw new ArgumentException("A blend needs at least one component.", nameof(components));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var total = 0.0;
        foreach (var c in _components)
        {
            ArgumentNullException.ThrowIfNull(c?.Recommender, nameof(components));
            if (!(c.Weight >= 0 && double.IsFinite(c.Weight)))
            {
                throw new ArgumentOutOfRangeException(nameof(components), c.Weight, $"The weight of '{c.Recommender.Name}' must be a finite non-negative number.");
            }

            if (!names.Add(c.Recommender.Name))
            {
                throw new ArgumentException($"Two components are named '{c.Recommender.Name}'; names identify components in saved blends and explanations.", nameof(components));
            }

            total += c.Weight;
        }

        if (total <= 0)
        {
            throw new ArgumentException("At least one component needs a positive weight.", nameof(components));
        }

        if (!Enum.IsDefined(normalization))
        {
            throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown score normalisation.");
        }

        History = history;
        Normalization = normalization;
        Fallback = fallback;
        _active = Array.FindAll(_components, c => c.Weight > 0);
        _coldStart = fallback is null ? _active : [new BlendComponent(fallback, 1)];
    }

    public string Name => AlgorithmName;

    public bool IsFitted => Array.TrueForAll(_active, c => c.Recommender.IsFitted) && (Fallback?.IsFitted ?? true);

    public IReadOnlyList<BlendComponent> Components => _components;

    public ScoreNormalization Normalization { get; }

    /// <summary>The model that serves users without history, or null.</summary>
    public IRecommender? Fallback { get; }

    /// <summary>Training interactions: who has history, and the catalogue size.</summary>
    public InteractionMatrix History { get; }

    /// <summary>True when the user has no interaction in <see cref="History"/> (and so gets the fallback, if any).</summary>
    public bool IsColdStart(int user) => (uint)user >= (uint)History.UserCount || History.UserDegree(user) == 0;

    public void Score(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        if (scores.Length < candidates.Length)
        {
            throw new ArgumentException("The score span is shorter than the candidate list.", nameof(scores));
        }

        var blended = Blend(user).Blended;
        for (var i = 0; i < candidates.Length; i++)
        {
            scores[i] = (uint)candidates[i] < (uint)blended.Length ? blended[candidates[i]] : float.NaN;
        }
    }

    public IReadOnlyList<ScoredItem> Recommend(int user, int n, Func<int, bool>? allow = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return TopN.Select(Blend(user).Blended, n, allow);
    }

    /// <summary>Like <see cref="Recommend"/>, with each item's per-component score breakdown.</summary>
    public IReadOnlyList<ExplainedRecommendation> RecommendWithExplanations(int user, int n, Func<int, bool>? allow = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var scores = Blend(user);
        var top = TopN.Select(scores.Blended, n, allow);
        var result = new ExplainedRecommendation[top.Length];
        for (var r = 0; r < top.Length; r++)
        {
            result[r] = Explain(scores, top[r].Item);
        }

        return result;
    }

    /// <summary>
    /// The score breakdown of given items, in the given order: for a list that was re-ranked after
    /// blending (pins, diversity), whose items are not simply the blend's top-n. Items outside the
    /// catalogue get a NaN score and no contributions.
    /// </summary>
    public IReadOnlyList<ExplainedRecommendation> Explain(int user, ReadOnlySpan<int> items)
    {
        var scores = Blend(user);
        var result = new ExplainedRecommendation[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = (uint)items[i] < (uint)scores.Blended.Length
                ? Explain(scores, items[i])
                : new ExplainedRecommendation(items[i], float.NaN, []);
        }

        return result;
    }

    /// <summary>
    /// Writes the blend's settings (normalisation, component names and weights, fallback name).
    /// Components are saved by their own <see cref="IRecommender.Save"/>.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = ModelFormat.CreateWriter(stream);
        ModelFormat.WriteHeader(writer, AlgorithmName, FormatVersion);
        writer.Write((int)Normalization);
        writer.Write(_components.Length);
        foreach (var c in _components)
        {
            writer.Write(c.Recommender.Name);
            writer.Write(c.Weight);
        }

        writer.Write(Fallback?.Name ?? string.Empty);
    }

    /// <summary>
    /// Rebuilds a blend saved by <see cref="Save"/> from loaded components, matched by name.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is not a blend, or a saved component or fallback is missing.</exception>
    public static WeightedBlend Load(Stream stream, IEnumerable<IRecommender> components, InteractionMatrix history, IRecommender? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(components);
        var byName = new Dictionary<string, IRecommender>(StringComparer.Ordinal);
        foreach (var c in components)
        {
            byName[c.Name] = c;
        }

        using var reader = ModelFormat.CreateReader(stream);
        var (name, version) = ModelFormat.ReadHeader(reader);
        ModelFormat.EnsureName(name, AlgorithmName);
        ModelFormat.EnsureVersion(name, version, FormatVersion);
        var normalization = (ScoreNormalization)reader.ReadInt32();
        if (!Enum.IsDefined(normalization))
        {
            throw new InvalidDataException($"Corrupt blend: unknown normalisation {(int)normalization}.");
        }

        var count = reader.ReadInt32();
        if (count <= 0)
        {
            throw new InvalidDataException($"Corrupt blend: {count} components.");
        }

        var loaded = new BlendComponent[count];
        for (var i = 0; i < count; i++)
        {
            var componentName = reader.ReadString();
            var weight = reader.ReadDouble();
            if (!(weight >= 0 && double.IsFinite(weight)))
            {
                throw new InvalidDataException($"Corrupt blend: weight {weight} for '{componentName}'.");
            }

            if (!byName.TryGetValue(componentName, out var model))
            {
                throw new InvalidDataException($"The saved blend uses component '{componentName}', which was not provided.");
            }

            loaded[i] = new BlendComponent(model, weight);
        }

        var fallbackName = reader.ReadString();
        if (fallbackName.Length > 0 && !string.Equals(fallback?.Name, fallbackName, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The saved blend falls back to '{fallbackName}', but '{fallback?.Name ?? "nothing"}' was provided.");
        }

        return new WeightedBlend(loaded, history, normalization, fallbackName.Length > 0 ? fallback : null);
    }

    /// <summary>Raw and normalised catalogue-wide scores of each component serving the user, and the blend.</summary>
    private BlendedScores Blend(int user)
    {
        var components = IsColdStart(user) ? _coldStart : _active;
        var itemCount = History.ItemCount;
        var all = new int[itemCount];
        for (var i = 0; i < itemCount; i++)
        {
            all[i] = i;
        }

        var raw = new float[components.Length][];
        var normalized = new float[components.Length][];
        var weights = new double[components.Length];
        for (var c = 0; c < components.Length; c++)
        {
            raw[c] = new float[itemCount];
            components[c].Recommender.Score(user, all, raw[c]);
            normalized[c] = (float[])raw[c].Clone();
            ScoreNormalizer.Normalize(normalized[c], Normalization);
            weights[c] = components[c].Weight;
        }

        var blended = new float[itemCount];
        Span<float> values = stackalloc float[components.Length];
        for (var item = 0; item < itemCount; item++)
        {
            for (var c = 0; c < components.Length; c++)
            {
                values[c] = normalized[c][item];
            }

            blended[item] = Combine(values, weights);
        }

        return new BlendedScores(components, raw, normalized, blended);
    }

    private static ExplainedRecommendation Explain(BlendedScores scores, int item)
    {
        var present = 0.0;
        for (var c = 0; c < scores.Components.Length; c++)
        {
            if (!float.IsNaN(scores.Normalized[c][item]))
            {
                present += scores.Components[c].Weight;
            }
        }

        var contributions = new ComponentContribution[scores.Components.Length];
        for (var c = 0; c < contributions.Length; c++)
        {
            var component = scores.Components[c];
            var normalized = scores.Normalized[c][item];
            contributions[c] = new ComponentContribution(
                component.Recommender.Name,
                scores.Raw[c][item],
                normalized,
                component.Weight,
                float.IsNaN(normalized) ? 0 : component.Weight / present * normalized);
        }

        return new ExplainedRecommendation(item, scores.Blended[item], contributions);
    }

    /// <summary>Σ wᵢ·nᵢ / Σ wᵢ over the non-NaN values; NaN when no component scored the item.</summary>
    internal static float Combine(ReadOnlySpan<float> normalized, ReadOnlySpan<double> weights)
    {
        double sum = 0, weight = 0;
        for (var c = 0; c < normalized.Length; c++)
        {
            if (!float.IsNaN(normalized[c]) && weights[c] > 0)
            {
                sum += weights[c] * normalized[c];
                weight += weights[c];
            }
        }

        return weight > 0 ? (float)(sum / weight) : float.NaN;
    }

    private sealed record BlendedScores(BlendComponent[] Components, float[][] Raw, float[][] Normalized, float[] Blended);
}
