using System.Globalization;
using Dashboard.Recommender.Blending;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// How a blend makes recommendations: its components and weights, which interaction types count and
/// how much, the score normalisation, the re-ranking and the list size. Immutable; stored as JSON
/// (<see cref="ToJson"/> / <see cref="FromJson"/>) and checked against a tenant's data with
/// <see cref="Validate"/>.
/// </summary>
public sealed record BlendSpec
{
    /// <summary>The largest list a blend serves.</summary>
    public const int MaxListSize = 100;

    /// <summary>
    /// Implicit ALS on per-user z-scores, popularity for new end-users. The benchmark's best top-N blend
    /// (README: EASE + ALS, z-score, popularity fallback) is not the default because EASE's fit is cubic in
    /// the catalogue: about 9 s at 3,706 items (ML-1M, docs/benchmarks.md), about 22 s at 5,000 by that scaling and 59 s
    /// measured at 5,000 on this shared 2-core machine under load, twice per
    /// training job (evaluation fit and refit), against a 60 s budget for the whole job. Implicit ALS alone
    /// is the best of the components that fit the budget (NDCG@10 0.4851 on ML-100K, 0.4589 on ML-1M, both
    /// above the README targets); an equal ALS + item-kNN blend measured lower (0.4699 on ML-100K).
    /// ALS explains by history too (<see cref="ComponentDescriptor.ExplainsByHistory"/>).
    /// </summary>
    public static BlendSpec Default { get; } = new()
    {
        Components = [new ComponentSpec(ComponentKind.ImplicitAls, 1)],
        Normalization = ScoreNormalization.ZScore,
    };

    public IReadOnlyList<ComponentSpec> Components { get; init; } = [];

    /// <summary>
    /// Interaction type name → weight (names match ignoring case, '_' and '-'). A type not listed, or
    /// weighted 0, does not count. Defaults: view 1, click 2, add_to_cart 3, purchase 5, rating 1.
    /// </summary>
    public IReadOnlyDictionary<string, double> EventWeights { get; init; } = DefaultEventWeights();

    public ScoreNormalization Normalization { get; init; } = ScoreNormalization.ZScore;

    public RerankSpec Rerank { get; init; } = new();

    public int ListSize { get; init; } = 10;

    /// <summary>Serve popularity to end-users the model does not know (else they get no list).</summary>
    public bool PopularityFallback { get; init; } = true;

    public string ToJson() => BlendSpecJson.Write(this);

    /// <summary>Reads a spec written by <see cref="ToJson"/>; missing fields take their defaults.</summary>
    /// <exception cref="System.Text.Json.JsonException">The text is not a blend spec (e.g. an unknown component kind).</exception>
    public static BlendSpec FromJson(string json) => BlendSpecJson.Read(json);

    /// <summary>The event weights as the engine's <see cref="Data.EventWeights"/>.</summary>
    public EventWeights ToEventWeights() =>
        new() { Weights = new Dictionary<string, double>(EventWeights, EventNameComparer.Instance) };

    /// <summary>Every problem of the spec for this tenant's data; empty when it can be trained.</summary>
    public IReadOnlyList<SpecProblem> Validate(DataProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<SpecProblem>();
        ValidateComponents(profile, problems);
        ValidateEventWeights(problems);
        if (!Enum.IsDefined(Normalization))
        {
            problems.Add(new("Normalization", "Choose a score normalisation: none, z-score or rank."));
        }

        if (Rerank is null)
        {
            problems.Add(new("Rerank", "Re-ranking settings are missing."));
        }
        else
        {
            if (!(Rerank.MmrLambda >= 0 && Rerank.MmrLambda <= 1))
            {
                problems.Add(new("Rerank.MmrLambda", "Diversity (λ) must be between 0 and 1; 1 means no diversity re-ranking."));
            }

            if (Rerank.MaxPerCategory is < 1)
            {
                problems.Add(new("Rerank.MaxPerCategory", "The per-category cap must be at least 1, or empty for no cap."));
            }

            if (!(Rerank.LongTailBoost >= 0 && Rerank.LongTailBoost <= 10))
            {
                problems.Add(new("Rerank.LongTailBoost", "The long-tail boost must be between 0 (off) and 10."));
            }
        }

        if (ListSize is < 1 or > MaxListSize)
        {
            problems.Add(new("ListSize", $"The list size must be between 1 and {MaxListSize}."));
        }

        return problems;
    }

    public bool Equals(BlendSpec? other) =>
        other is not null
        && Components.SequenceEqual(other.Components)
        && SpecEquality.SameMap(EventWeights, other.EventWeights)
        && Normalization == other.Normalization
        && Equals(Rerank, other.Rerank)
        && ListSize == other.ListSize
        && PopularityFallback == other.PopularityFallback;

    public override int GetHashCode() => HashCode.Combine(Components.Count, Normalization, Rerank, ListSize, PopularityFallback);

    internal static Dictionary<string, double> DefaultEventWeights()
    {
        var weights = new Dictionary<string, double>(Data.EventWeights.Default.Weights, EventNameComparer.Instance)
        {
            [TrainingData.RatingEventType] = 1,
        };
        return weights;
    }

    private void ValidateComponents(DataProfile profile, List<SpecProblem> problems)
    {
        if (Components is null || Components.Count == 0)
        {
            problems.Add(new("Components", "Add at least one component."));
            return;
        }

        var total = 0.0;
        var seen = new HashSet<ComponentKind>();
        for (var i = 0; i < Components.Count; i++)
        {
            var field = $"Components[{i}]";
            var component = Components[i];
            if (!Enum.IsDefined(component.Kind))
            {
                problems.Add(new($"{field}.Kind", "This component kind is unknown."));
                continue;
            }

            var descriptor = ComponentCatalog.Describe(component.Kind);
            if (!seen.Add(component.Kind))
            {
                problems.Add(new($"{field}.Kind", $"{descriptor.DisplayName} is already in the blend; each component can appear once."));
            }

            if (!double.IsFinite(component.Weight))
            {
                problems.Add(new($"{field}.Weight", $"The weight of {descriptor.DisplayName} must be a number."));
            }
            else if (component.Weight < 0)
            {
                problems.Add(new($"{field}.Weight", $"The weight of {descriptor.DisplayName} cannot be negative."));
            }
            else
            {
                total += component.Weight;
            }

            if (descriptor.NeedsRatings && !profile.HasRatings)
            {
                problems.Add(new(
                    $"{field}.Kind",
                    $"{descriptor.DisplayName} learns from star ratings, and this organisation has no rating events. Remove it or import ratings."));
            }

            if (descriptor.NeedsItemText && !profile.HasItemText)
            {
                problems.Add(new(
                    $"{field}.Kind",
                    $"{descriptor.DisplayName} compares item titles, categories and tags, and no item has any. Remove it or import item details."));
            }

            foreach (var (name, value) in component.Options ?? new Dictionary<string, string>())
            {
                var option = descriptor.Option(name);
                var problem = option is null
                    ? $"{descriptor.DisplayName} has no option \"{name}\"."
                    : ComponentCatalog.Check(option, value ?? string.Empty);
                if (problem is not null)
                {
                    problems.Add(new($"{field}.Options.{name}", problem));
                }
            }
        }

        if (total <= 0 && !problems.Exists(p => p.Field.EndsWith(".Weight", StringComparison.Ordinal)))
        {
            problems.Add(new("Components", "At least one component needs a weight above zero."));
        }
    }

    private void ValidateEventWeights(List<SpecProblem> problems)
    {
        if (EventWeights is null || EventWeights.Count == 0)
        {
            problems.Add(new("EventWeights", "Choose at least one interaction type that counts."));
            return;
        }

        var positive = false;
        foreach (var (name, weight) in EventWeights)
        {
            if (!(weight >= 0 && weight <= Data.EventWeights.MaxWeight))
            {
                problems.Add(new(
                    $"EventWeights.{name}",
                    $"The weight of {name} must be between 0 (does not count) and {Data.EventWeights.MaxWeight.ToString(CultureInfo.InvariantCulture)}."));
            }

            positive |= weight > 0;
        }

        if (!positive)
        {
            problems.Add(new("EventWeights", "At least one interaction type needs a weight above zero."));
        }
    }
}
