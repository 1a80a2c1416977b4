using System.Buffers;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Item-based k-nearest-neighbours (Sarwar et al. 2001; Koren 2008 for the baseline-adjusted form).
/// Explicit: r̂_ui = b_ui + Σ_j s_ij (r_uj − b_uj) / Σ_j s_ij over the k items most similar to i that the
/// user rated. Implicit: score = Σ_j s_ij over the same neighbours. The model keeps the user rows of
/// the training matrix because scoring reads the user's history.
/// </summary>
public sealed class ItemKnn : RecommenderBase<KnnOptions>
{
    public const string AlgorithmName = "item-knn";

    private NeighborLists _neighbors = new([0], [], []);
    private int[] _userPtr = [0];
    private int[] _userItems = [];
    private float[] _userValues = [];
    private float _mean;
    private float[] _userBias = [];
    private float[] _itemBias = [];

    public ItemKnn()
        : base(new KnnOptions())
    {
    }

    public override string Name => AlgorithmName;

    protected override int FormatVersion => 1;

    public static ItemKnn Load(Stream stream) => Load(stream, new ItemKnn());

    /// <summary>The stored (shrunk) similarity of <paramref name="other"/> to <paramref name="item"/>; 0 when not a kept neighbour.</summary>
    internal float StoredSimilarity(int item, int other)
    {
        var ids = _neighbors.NeighborsOf(item);
        for (var n = 0; n < ids.Length; n++)
        {
            if (ids[n] == other)
            {
                return _neighbors.SimilaritiesOf(item)[n];
            }
        }

        return 0f;
    }

    protected override void FitCore(
        InteractionMatrix train, KnnOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var explicitFeedback = options.Feedback == FeedbackKind.Explicit;
        var coRated = options.Similarity is SimilarityMetric.Pearson or SimilarityMetric.PearsonBaseline;
        if (explicitFeedback || options.Similarity == SimilarityMetric.PearsonBaseline)
        {
            _mean = Baseline.ComputeBiases(train, options.Baseline, out _userBias, out _itemBias, null, cancellationToken);
        }
        else
        {
            _mean = 0;
            _userBias = [];
            _itemBias = [];
        }

        progress?.Report(0.1);
        var binary = !explicitFeedback && options.Binarize;
        var (byUser, byItem) = KnnInputs.SimilarityValues(train, options.Similarity, binary, itemEntities: true, (_mean, _userBias, _itemBias));
        _neighbors = SparseSimilarity.Compute(
            train.ItemPtr, train.ItemUsers, byItem,
            train.UserPtr, train.UserItems, byUser,
            coRated, options.Shrinkage, options.MinSupport, options.MaxStoredNeighbors,
            progress, 0.1, 1.0, cancellationToken);
        _userPtr = train.UserPtr;
        _userItems = train.UserItems;
        _userValues = binary ? OnesLike(train.UserValues) : train.UserValues;
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var history = ArrayPool<float>.Shared.Rent(ItemCount);
        try
        {
            var h = history.AsSpan(0, ItemCount);
            FillHistory(user, h);
            for (var c = 0; c < candidates.Length; c++)
            {
                scores[c] = IsKnownItem(candidates[c]) ? ScoreItem(user, candidates[c], h) : float.NaN;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(history);
        }
    }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        var history = ArrayPool<float>.Shared.Rent(ItemCount);
        try
        {
            var h = history.AsSpan(0, ItemCount);
            FillHistory(user, h);
            for (var i = 0; i < ItemCount; i++)
            {
                scores[i] = ScoreItem(user, i, h);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(history);
        }
    }

    protected override void SaveCore(BinaryWriter writer)
    {
        writer.Write(_mean);
        ModelFormat.WriteArray(writer, _userBias);
        ModelFormat.WriteArray(writer, _itemBias);
        ModelFormat.WriteArray(writer, _userPtr);
        ModelFormat.WriteArray(writer, _userItems);
        ModelFormat.WriteArray(writer, _userValues);
        _neighbors.Write(writer);
    }

    protected override void LoadCore(BinaryReader reader)
    {
        _mean = reader.ReadSingle();
        _userBias = ModelFormat.ReadFloats(reader);
        _itemBias = ModelFormat.ReadFloats(reader);
        _userPtr = ModelFormat.ReadInts(reader);
        _userItems = ModelFormat.ReadInts(reader);
        _userValues = ModelFormat.ReadFloats(reader);
        _neighbors = NeighborLists.Read(reader);
    }

    private static float[] OnesLike(float[] values)
    {
        var ones = new float[values.Length];
        ones.AsSpan().Fill(1f);
        return ones;
    }

    private bool IsExplicit => Options.Feedback == FeedbackKind.Explicit;

    /// <summary>Dense view of the user's history: the residual (explicit) or value (implicit), NaN where unseen.</summary>
    private void FillHistory(int user, Span<float> history)
    {
        history.Fill(float.NaN);
        var baseUser = IsExplicit ? _mean + _userBias[user] : 0f;
        for (var k = _userPtr[user]; k < _userPtr[user + 1]; k++)
        {
            var j = _userItems[k];
            history[j] = IsExplicit ? _userValues[k] - baseUser - _itemBias[j] : _userValues[k];
        }
    }

    private float ScoreItem(int user, int item, ReadOnlySpan<float> history)
    {
        var ids = _neighbors.NeighborsOf(item);
        var sims = _neighbors.SimilaritiesOf(item);
        var k = Options.Neighbors;
        double num = 0, den = 0;
        var used = 0;
        for (var n = 0; n < ids.Length && used < k; n++)
        {
            var value = history[ids[n]];
            if (float.IsNaN(value))
            {
                continue;
            }

            num += sims[n] * value;
            den += sims[n];
            used++;
        }

        if (!IsExplicit)
        {
            // Sum of similarities; with binary history each value is 1.
            return (float)num;
        }

        var baseline = _mean + _userBias[user] + _itemBias[item];
        return used == 0 ? baseline : (float)(baseline + (num / den));
    }
}
