using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// Fits a <see cref="BlendSpec"/> on a tenant's <see cref="TrainingData"/> and evaluates fitted models
/// on held-out data (see <see cref="TimeSplit"/>). Stateless and thread-safe.
/// </summary>
public sealed class BlendTrainer
{
    /// <summary>The fewest end-users with 2 or more counted interactions a model trains on.</summary>
    public const int MinimumEndUsers = 2;

    /// <summary>The fewest distinct items with counted interactions a model trains on.</summary>
    public const int MinimumItems = 2;

    /// <exception cref="InsufficientDataException">Too few end-users or items with interactions.</exception>
    /// <exception cref="ArgumentException">The spec has problems (<see cref="BlendSpec.Validate"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance service the product registers and injects; the public API fixed with the product keeps it an instance method.")]
    public BlendModel Fit(TrainingData data, BlendSpec spec, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(spec);
        progress?.Report(new TrainingProgress("Preparing data", 0));
        var problems = spec.Validate(data.Profile());
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The blend cannot be trained: " + string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}")), nameof(spec));
        }

        var weights = spec.ToEventWeights();
        var (implicitMatrix, ratings, counted) = Matrices(data, weights, spec.Components.Any(c => c.Weight > 0 && ComponentCatalog.Describe(c.Kind).NeedsRatings));
        EnsureEnoughData(implicitMatrix);
        ct.ThrowIfCancellationRequested();

        var metadata = Metadata(data);
        var active = spec.Components.Where(c => c.Weight > 0).ToArray();
        var stages = active.Length + 1;
        var popularity = new Popularity();
        progress?.Report(new TrainingProgress("Fitting the popularity fallback", 0.02));
        popularity.Fit(implicitMatrix, new PopularityOptions(), null, ct);

        var components = new FittedComponent[active.Length];
        for (var c = 0; c < active.Length; c++)
        {
            ct.ThrowIfCancellationRequested();
            var stage = $"Fitting {ComponentCatalog.Describe(active[c].Kind).DisplayName}";
            var start = (c + 1.0) / stages;
            var end = (c + 2.0) / stages;
            progress?.Report(new TrainingProgress(stage, start));
            var inner = progress is null ? null : new ScaledProgress(progress, stage, start, end);
            components[c] = new FittedComponent(active[c], ComponentFactory.Fit(active[c], implicitMatrix, ratings, metadata, inner, ct));
        }

        progress?.Report(new TrainingProgress("Done", 1));
        var details = new ItemDetails[data.ItemIds.Count];
        for (var i = 0; i < details.Length; i++)
        {
            details[i] = data.Details[i];
        }

        return new BlendModel(
            BlendModel.CurrentEngineVersion, spec, Copy(data.EndUsers), Copy(data.ItemMap), details, implicitMatrix, counted, popularity, components);
    }

    /// <summary>
    /// Precision, recall, NDCG and MAP at <paramref name="k"/> of the model's served lists (re-ranking
    /// included, training history excluded) against the counted interactions in <paramref name="test"/>,
    /// plus catalogue coverage, novelty and per-group metrics for each attribute.
    /// </summary>
    /// <param name="userAttributesForGroups">End-user id → sensitive attribute name → value; null for no group metrics.</param>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance service the product registers and injects; the public API fixed with the product keeps it an instance method.")]
    public BlendEvaluation Evaluate(
        BlendModel model,
        TrainingData test,
        int k,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? userAttributesForGroups)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, BlendSpec.MaxListSize);

        var userMap = new int[test.EndUserIds.Count];
        for (var u = 0; u < userMap.Length; u++)
        {
            userMap[u] = model.Users.IndexOf(test.EndUserIds[u]);
        }

        var itemMap = new int[test.ItemIds.Count];
        for (var i = 0; i < itemMap.Length; i++)
        {
            itemMap[i] = model.Items.IndexOf(test.ItemIds[i]);
        }

        var weights = model.Spec.ToEventWeights();
        var typeWeights = TypeWeights(test, weights);
        var ratings = new List<Rating>(test.Count);
        for (var r = 0; r < test.Count; r++)
        {
            var user = userMap[test.Users[r]];
            var item = itemMap[test.Items[r]];
            if (user >= 0 && item >= 0 && typeWeights[test.EventTypes[r]] > 0)
            {
                ratings.Add(new Rating(user, item, 1));
            }
        }

        var result = TopNEvaluator.Evaluate(
            (user, n, allow) => model.ListFor(user, n, allow),
            model.History,
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ratings),
            new TopNEvaluationOptions(K: k));

        var groups = new Dictionary<string, GroupReport>(StringComparer.Ordinal);
        if (userAttributesForGroups is not null)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var attributes in userAttributesForGroups.Values)
            {
                names.UnionWith(attributes.Keys);
            }

            foreach (var name in names)
            {
                groups[name] = result.ByGroup(user =>
                    userAttributesForGroups.TryGetValue(model.Users.IdAt(user), out var attributes)
                    && attributes.TryGetValue(name, out var value)
                        ? value
                        : TopNEvaluator.UnassignedGroup);
            }
        }

        return new BlendEvaluation(
            k, result.UserCount, result.Precision, result.Recall, result.Ndcg, result.Map, result.CatalogCoverage, result.Novelty, groups);
    }

    /// <summary>
    /// The implicit matrix (summed event weights; a rating counts the weight of "rating"), the rating
    /// matrix when wanted (latest stars per pair), and the number of counted rows.
    /// </summary>
    internal static (InteractionMatrix Implicit, InteractionMatrix? Ratings, int Counted) Matrices(
        TrainingData data, EventWeights weights, bool wantRatings)
    {
        var typeWeights = TypeWeights(data, weights);
        var ratingType = data.RatingTypeIndex();
        var users = data.Users;
        var items = data.Items;
        var types = data.EventTypes;
        var values = data.Values;
        var ticks = data.TimestampTicks;
        var counted = 0;
        var ratingCount = 0;
        for (var r = 0; r < data.Count; r++)
        {
            counted += typeWeights[types[r]] > 0 ? 1 : 0;
            ratingCount += types[r] == ratingType ? 1 : 0;
        }

        var implicitRows = new Rating[counted];
        var ratingRows = wantRatings ? new Rating[ratingCount] : null;
        int w = 0, rr = 0;
        for (var r = 0; r < data.Count; r++)
        {
            var seconds = (ticks[r] - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
            var isRating = types[r] == ratingType;
            var weight = typeWeights[types[r]];
            if (weight > 0)
            {
                implicitRows[w++] = new Rating(users[r], items[r], (float)(isRating ? weight : weight * values[r]), seconds);
            }

            if (ratingRows is not null && isRating)
            {
                ratingRows[rr++] = new Rating(users[r], items[r], values[r], seconds);
            }
        }

        var userCount = data.EndUserIds.Count;
        var itemCount = data.ItemIds.Count;
        var implicitMatrix = InteractionMatrix.Build(implicitRows, userCount, itemCount, DuplicatePolicy.Sum);
        var ratingMatrix = ratingRows is null ? null : InteractionMatrix.Build(ratingRows, userCount, itemCount);
        return (implicitMatrix, ratingMatrix, counted);
    }

    internal static double[] TypeWeights(TrainingData data, EventWeights weights)
    {
        var result = new double[data.EventTypeNames.Count];
        for (var t = 0; t < result.Length; t++)
        {
            result[t] = weights.TryGetWeight(data.EventTypeNames[t], out var weight) ? weight : 0;
        }

        return result;
    }

    private static void EnsureEnoughData(InteractionMatrix matrix)
    {
        var users = 0;
        for (var u = 0; u < matrix.UserCount; u++)
        {
            users += matrix.UserDegree(u) >= 2 ? 1 : 0;
        }

        if (users < MinimumEndUsers)
        {
            throw new InsufficientDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"Training needs at least {MinimumEndUsers} end-users with 2 or more interactions; this organisation has {users}."));
        }

        var items = 0;
        for (var i = 0; i < matrix.ItemCount; i++)
        {
            items += matrix.ItemDegree(i) > 0 ? 1 : 0;
        }

        if (items < MinimumItems)
        {
            throw new InsufficientDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"Training needs interactions with at least {MinimumItems} different items; this organisation has {items}."));
        }
    }

    /// <summary>Item details as the content-based component reads them: attribute text counts as tags.</summary>
    internal static Dictionary<int, ItemMetadata> Metadata(TrainingData data)
    {
        var metadata = new Dictionary<int, ItemMetadata>();
        for (var i = 0; i < data.Details.Count; i++)
        {
            var d = data.Details[i];
            if (!d.HasText)
            {
                continue;
            }

            var tags = new List<string>(d.Tags);
            tags.AddRange(d.AttributeText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            metadata[i] = new ItemMetadata(d.Title, d.Categories) { Tags = tags };
        }

        return metadata;
    }

    private static IdMap Copy(IdMap map) => new(map.Ids);

    /// <summary>
    /// Maps a component's own 0–1 progress into its slice of the whole fit. Components report from parallel
    /// workers, so reports can arrive out of order; only a report beyond the furthest one so far is passed on,
    /// and the figure people see never goes backwards.
    /// </summary>
    private sealed class ScaledProgress(IProgress<TrainingProgress> target, string stage, double start, double end) : IProgress<double>
    {
        private readonly Lock _gate = new();
        private double _furthest = double.NegativeInfinity;

        public void Report(double value)
        {
            var fraction = start + ((end - start) * Math.Clamp(value, 0, 1));
            lock (_gate)
            {
                if (fraction <= _furthest)
                {
                    return;
                }

                _furthest = fraction;
                target.Report(new TrainingProgress(stage, fraction));
            }
        }
    }
}
