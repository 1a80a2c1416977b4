using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Blending;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// Chooses a <see cref="BlendSpec"/>'s component weights without looking at the data its reported
/// metrics come from: <see cref="TimeSplit"/> first holds out each end-user's latest interactions as
/// the test part (what training reports), then splits the remaining training part again into a fit
/// part and a validation part. Each component is fitted once on the fit part and
/// <see cref="BlendWeightTuner"/> searches the weight simplex for the best NDCG@10 on validation.
/// Deterministic; stateless and thread-safe.
/// </summary>
public sealed class BlendTuner
{
    /// <summary>The fewest validation end-users whose NDCG a weight choice is judged on.</summary>
    public const int MinimumValidationUsers = 5;

    public const int K = 10;

    /// <summary>
    /// The fit and validation parts tuning uses: the training part of <see cref="TimeSplit.Split"/>, split
    /// once more the same way. The outer test part is in neither.
    /// </summary>
    public static (TrainingData Fit, TrainingData Validation) ValidationSplit(TrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (train, _) = TimeSplit.Split(data);
        return TimeSplit.Split(train);
    }

    /// <exception cref="InsufficientDataException">Too few end-users to judge weights on.</exception>
    /// <exception cref="ArgumentException">The spec has problems, or fewer than two components.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance service the product registers and injects, like BlendTrainer.")]
    public TunedWeights Tune(TrainingData data, BlendSpec spec, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(spec);
        progress?.Report(new TrainingProgress("Splitting off a validation part", 0));
        var problems = spec.Validate(data.Profile());
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The blend cannot be tuned: " + string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}")), nameof(spec));
        }

        if (spec.Components.Count < 2)
        {
            throw new ArgumentException("A blend with one component has no weights to tune.", nameof(spec));
        }

        var (fit, validation) = ValidationSplit(data);
        var eventWeights = spec.ToEventWeights();
        var wantRatings = spec.Components.Any(c => ComponentCatalog.Describe(c.Kind).NeedsRatings);
        var (fitMatrix, ratings, _) = BlendTrainer.Matrices(fit, eventWeights, wantRatings);
        var validationRows = ValidationRatings(validation, fitMatrix, eventWeights);
        var users = EvaluableUsers(validationRows, fitMatrix);
        if (users < MinimumValidationUsers)
        {
            throw new InsufficientDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"Tuning needs at least {MinimumValidationUsers} end-users with enough history to hold some back for validation; this organisation has {users}."));
        }

        var metadata = BlendTrainer.Metadata(fit);
        var stages = spec.Components.Count + 1;
        var components = new IRecommender[spec.Components.Count];
        for (var c = 0; c < components.Length; c++)
        {
            ct.ThrowIfCancellationRequested();
            var stage = $"Fitting {ComponentCatalog.Describe(spec.Components[c].Kind).DisplayName} on the fit part";
            progress?.Report(new TrainingProgress(stage, (double)c / stages));
            var fitted = ComponentFactory.Fit(spec.Components[c], fitMatrix, ratings, metadata, null, ct);

            // Two components of one kind share an engine name; the tuner needs distinct ones.
            components[c] = new NamedComponent(c.ToString(CultureInfo.InvariantCulture), fitted);
        }

        progress?.Report(new TrainingProgress("Searching weights on the validation part", (double)(stages - 1) / stages));
        var options = new BlendTuningOptions(K: K, Normalization: spec.Normalization);
        var rows = validationRows.AsSpan();
        var current = BlendWeightTuner.Evaluate(components, spec.Components.Select(c => c.Weight).ToArray(), fitMatrix, rows, options, ct);
        var tuned = BlendWeightTuner.Tune(components, fitMatrix, rows, options, ct);
        progress?.Report(new TrainingProgress("Done", 1));
        return new TunedWeights(tuned.Components.Select(c => c.Weight).ToArray(), current, tuned.BlendNdcg, K, tuned.UserCount);
    }

    /// <summary>Validation interactions of counted types, in the fit part's index space (a split keeps the ids).</summary>
    private static Rating[] ValidationRatings(TrainingData validation, InteractionMatrix fit, EventWeights weights)
    {
        var counts = new bool[validation.EventTypeNames.Count];
        for (var t = 0; t < counts.Length; t++)
        {
            counts[t] = weights.TryGetWeight(validation.EventTypeNames[t], out var weight) && weight > 0;
        }

        var rows = new List<Rating>(validation.Count);
        for (var r = 0; r < validation.Count; r++)
        {
            var user = validation.Users[r];
            var item = validation.Items[r];
            if (counts[validation.EventTypes[r]] && user < fit.UserCount && item < fit.ItemCount)
            {
                rows.Add(new Rating(user, item, 1));
            }
        }

        return rows.ToArray();
    }

    /// <summary>End-users the tuner can judge: history in the fit part and a validation item not already in it.</summary>
    private static int EvaluableUsers(Rating[] validation, InteractionMatrix fit)
    {
        var users = new HashSet<int>();
        foreach (var row in validation)
        {
            if (fit.UserDegree(row.User) > 0 && !fit.Contains(row.User, row.Item))
            {
                users.Add(row.User);
            }
        }

        return users.Count;
    }

    private sealed class NamedComponent(string name, IRecommender inner) : IRecommender
    {
        public string Name => name;

        public bool IsFitted => inner.IsFitted;

        public void Score(int user, ReadOnlySpan<int> candidates, Span<float> scores) => inner.Score(user, candidates, scores);

        public IReadOnlyList<ScoredItem> Recommend(int user, int n, Func<int, bool>? allow = null) => inner.Recommend(user, n, allow);

        public void Save(Stream stream) => inner.Save(stream);
    }
}
