using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Blending;

/// <summary>
/// Chooses <see cref="WeightedBlend"/> weights by exhaustive search over a regular grid on the
/// weight simplex, maximising mean NDCG@K on a validation split (components fitted on the matching
/// train split, e.g. from <see cref="RatingSplitter.TrainValidation"/>). The search is deterministic:
/// grid points are visited in a fixed order (first component's weight descending, then the next...)
/// and a later point replaces the best only when strictly better. Relevance follows
/// <see cref="TopNEvaluator"/>: every validation item the user does not also have in train.
/// Validation users without training history are left out: the blend serves them with its fallback
/// whatever the weights.
/// </summary>
public static class BlendWeightTuner
{
    public static BlendTuningResult Tune(
        IReadOnlyList<IRecommender> components,
        InteractionMatrix train,
        ReadOnlySpan<Rating> validation,
        BlendTuningOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new BlendTuningOptions();
        Validate(components, options);

        var grid = SimplexGrid(components.Count, options.GridSteps, options.MaxCandidates);
        var pools = BuildPools(components, train, validation, options, cancellationToken);

        var single = new Dictionary<string, double>(StringComparer.Ordinal);
        var bestSingle = 0;
        var singleScores = new double[components.Count];
        for (var c = 0; c < components.Count; c++)
        {
            var weights = new double[components.Count];
            weights[c] = 1;
            singleScores[c] = MeanNdcg(pools, weights, options.K, cancellationToken);
            single[components[c].Name] = singleScores[c];
            if (singleScores[c] > singleScores[bestSingle])
            {
                bestSingle = c;
            }
        }

        double[]? best = null;
        var bestNdcg = double.NegativeInfinity;
        foreach (var weights in grid)
        {
            var ndcg = MeanNdcg(pools, weights, options.K, cancellationToken);
            if (ndcg > bestNdcg)
            {
                best = weights;
                bestNdcg = ndcg;
            }
        }

        var chosen = new BlendComponent[components.Count];
        for (var c = 0; c < chosen.Length; c++)
        {
            chosen[c] = new BlendComponent(components[c], best![c]);
        }

        return new BlendTuningResult(
            chosen,
            options.Normalization,
            single,
            components[bestSingle].Name,
            singleScores[bestSingle],
            bestNdcg,
            pools.Length,
            grid.Count);
    }

    /// <summary>
    /// Mean NDCG@K on <paramref name="validation"/> of the blend with the given weights, measured exactly as
    /// <see cref="Tune"/> measures each grid point, so a current blend and a tuned one compare like for like.
    /// </summary>
    public static double Evaluate(
        IReadOnlyList<IRecommender> components,
        IReadOnlyList<double> weights,
        InteractionMatrix train,
        ReadOnlySpan<Rating> validation,
        BlendTuningOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new BlendTuningOptions();
        Validate(components, options);
        if (weights.Count != components.Count)
        {
            throw new ArgumentException("Give one weight per component.", nameof(weights));
        }

        var pools = BuildPools(components, train, validation, options, cancellationToken);
        return MeanNdcg(pools, weights.ToArray(), options.K, cancellationToken);
    }

    private static void Validate(IReadOnlyList<IRecommender> components, BlendTuningOptions options)
    {
        if (components.Count == 0)
        {
            throw new ArgumentException("Tuning needs at least one component.", nameof(components));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in components)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(components));
            if (!names.Add(c.Name))
            {
                throw new ArgumentException($"Two components are named '{c.Name}'.", nameof(components));
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.K, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.GridSteps, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CandidatePoolSize, options.K, nameof(options));
    }

    /// <summary>Every weight vector with entries in {0, 1/steps, ..., 1} summing to 1, in lexicographically descending order.</summary>
    private static List<double[]> SimplexGrid(int dimensions, int steps, int maxCandidates)
    {
        // C(steps + d − 1, d − 1), computed incrementally; exact because each partial product is a binomial.
        double count = 1;
        for (var i = 1; i < dimensions; i++)
        {
            count = count * (steps + i) / i;
        }

        if (count > maxCandidates)
        {
            throw new ArgumentException(
                $"{dimensions} components at {steps} grid steps give {count:N0} weight vectors, more than the limit of {maxCandidates:N0}. Use fewer steps or components.");
        }

        var grid = new List<double[]>((int)count);
        var parts = new int[dimensions];
        Fill(0, steps);
        return grid;

        void Fill(int index, int remaining)
        {
            if (index == dimensions - 1)
            {
                parts[index] = remaining;
                var weights = new double[dimensions];
                for (var i = 0; i < dimensions; i++)
                {
                    weights[i] = (double)parts[i] / steps;
                }

                grid.Add(weights);
                return;
            }

            for (var share = remaining; share >= 0; share--)
            {
                parts[index] = share;
                Fill(index + 1, remaining - share);
            }
        }
    }

    /// <summary>
    /// For each evaluable validation user: the candidate pool (sorted item indices), the components'
    /// normalised scores of the pool (row-major, pool item × component) and the relevant items.
    /// </summary>
    private static UserPool[] BuildPools(
        IReadOnlyList<IRecommender> components,
        InteractionMatrix train,
        ReadOnlySpan<Rating> validation,
        BlendTuningOptions options,
        CancellationToken cancellationToken)
    {
        var groups = UserGroups.Build(validation);
        var users = new List<int>();
        var relevant = new List<HashSet<int>>();
        for (var g = 0; g < groups.Count; g++)
        {
            var user = groups.UserAt(g);
            if ((uint)user >= (uint)train.UserCount || train.UserDegree(user) == 0)
            {
                continue;
            }

            var items = new HashSet<int>();
            foreach (var row in groups.RowsOf(g))
            {
                if (!train.Contains(user, validation[row].Item))
                {
                    items.Add(validation[row].Item);
                }
            }

            if (items.Count == 0)
            {
                continue;
            }

            users.Add(user);
            relevant.Add(items);
        }

        var itemCount = train.ItemCount;
        var componentCount = components.Count;
        var pools = new UserPool[users.Count];
        Parallel.For(
            0,
            users.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new PoolBuffers(itemCount, componentCount),
            (index, _, buffers) =>
            {
                var user = users[index];
                Array.Clear(buffers.InPool);
                var poolSize = 0;
                for (var c = 0; c < componentCount; c++)
                {
                    var scores = buffers.Normalized[c];
                    components[c].Score(user, buffers.AllItems, scores);
                    ScoreNormalizer.Normalize(scores, options.Normalization);
                    foreach (var top in TopN.Select(scores, options.CandidatePoolSize, item => !train.Contains(user, item)))
                    {
                        if (!buffers.InPool[top.Item])
                        {
                            buffers.InPool[top.Item] = true;
                            poolSize++;
                        }
                    }
                }

                var poolItems = new int[poolSize];
                var at = 0;
                for (var item = 0; item < itemCount; item++)
                {
                    if (buffers.InPool[item])
                    {
                        poolItems[at++] = item;
                    }
                }

                var normalized = new float[poolSize * componentCount];
                for (var p = 0; p < poolSize; p++)
                {
                    for (var c = 0; c < componentCount; c++)
                    {
                        normalized[(p * componentCount) + c] = buffers.Normalized[c][poolItems[p]];
                    }
                }

                pools[index] = new UserPool(poolItems, normalized, relevant[index]);
                return buffers;
            },
            _ => { });

        return pools;
    }

    private static double MeanNdcg(UserPool[] pools, double[] weights, int k, CancellationToken cancellationToken)
    {
        if (pools.Length == 0)
        {
            return 0;
        }

        var ndcg = new double[pools.Length];
        var componentCount = weights.Length;
        var largestPool = 0;
        foreach (var pool in pools)
        {
            largestPool = Math.Max(largestPool, pool.Items.Length);
        }

        Parallel.For(
            0,
            pools.Length,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => (Blended: new float[largestPool], Ranked: new int[k]),
            (index, _, buffers) =>
            {
                var pool = pools[index];
                var blended = buffers.Blended.AsSpan(0, pool.Items.Length);
                for (var p = 0; p < blended.Length; p++)
                {
                    blended[p] = WeightedBlend.Combine(pool.Normalized.AsSpan(p * componentCount, componentCount), weights);
                }

                // Pool positions are in item order, so TopN's lower-index tie-break is the lower item, as in WeightedBlend.
                var top = TopN.Select(blended, k, null);
                for (var r = 0; r < top.Length; r++)
                {
                    buffers.Ranked[r] = pool.Items[top[r].Item];
                }

                ndcg[index] = RankingMetrics.NdcgAt(buffers.Ranked.AsSpan(0, top.Length), pool.Relevant, k);
                return buffers;
            },
            _ => { });

        // Summed in user order so the mean, and hence the chosen weights, never depend on scheduling.
        double sum = 0;
        foreach (var value in ndcg)
        {
            sum += value;
        }

        return sum / ndcg.Length;
    }

    private sealed record UserPool(int[] Items, float[] Normalized, HashSet<int> Relevant);

    private sealed class PoolBuffers
    {
        public PoolBuffers(int itemCount, int componentCount)
        {
            AllItems = new int[itemCount];
            for (var i = 0; i < itemCount; i++)
            {
                AllItems[i] = i;
            }

            Normalized = new float[componentCount][];
            for (var c = 0; c < componentCount; c++)
            {
                Normalized[c] = new float[itemCount];
            }

            InPool = new bool[itemCount];
        }

        public int[] AllItems { get; }

        public float[][] Normalized { get; }

        public bool[] InPool { get; }
    }
}
