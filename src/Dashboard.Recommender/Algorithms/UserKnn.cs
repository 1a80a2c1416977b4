using System.Buffers;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// User-based k-nearest-neighbours (Herlocker et al. 1999, baseline-adjusted as in Koren 2008).
/// Explicit: r̂_ui = b_ui + Σ_v s_uv (r_vi − b_vi) / Σ_v s_uv over the k users most similar to u who
/// rated i. Implicit: score = Σ_v s_uv over the same neighbours.
/// </summary>
public sealed class UserKnn : RecommenderBase<KnnOptions>
{
    public const string AlgorithmName = "user-knn";

    private NeighborLists _neighbors = new([0], [], []);
    private int[] _userPtr = [0];
    private int[] _userItems = [];
    private float[] _userValues = [];
    private float _mean;
    private float[] _userBias = [];
    private float[] _itemBias = [];

    public UserKnn()
        : base(new KnnOptions())
    {
    }

    public override string Name => AlgorithmName;

    protected override int FormatVersion => 1;

    public static UserKnn Load(Stream stream) => Load(stream, new UserKnn());

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
        var (byUser, byItem) = KnnInputs.SimilarityValues(train, options.Similarity, binary, itemEntities: false, (_mean, _userBias, _itemBias));
        _neighbors = SparseSimilarity.Compute(
            train.UserPtr, train.UserItems, byUser,
            train.ItemPtr, train.ItemUsers, byItem,
            coRated, options.Shrinkage, options.MinSupport, options.MaxStoredNeighbors,
            progress, 0.1, 1.0, cancellationToken);
        _userPtr = train.UserPtr;
        _userItems = train.UserItems;
        if (binary)
        {
            _userValues = new float[train.NonZeroCount];
            _userValues.AsSpan().Fill(1f);
        }
        else
        {
            _userValues = train.UserValues;
        }

        // Store residuals r_vi − b_vi once instead of recomputing them for every score.
        if (explicitFeedback)
        {
            _userValues = (float[])_userValues.Clone();
            for (var v = 0; v < train.UserCount; v++)
            {
                for (var k = _userPtr[v]; k < _userPtr[v + 1]; k++)
                {
                    _userValues[k] -= _mean + _userBias[v] + _itemBias[_userItems[k]];
                }
            }
        }
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var all = ArrayPool<float>.Shared.Rent(ItemCount);
        try
        {
            var dense = all.AsSpan(0, ItemCount);
            ScoreAll(user, dense);
            for (var c = 0; c < candidates.Length; c++)
            {
                scores[c] = IsKnownItem(candidates[c]) ? dense[candidates[c]] : float.NaN;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(all);
        }
    }

    /// <summary>
    /// Scatters the neighbours' rows, most similar neighbour first, so the first k contributions each
    /// item receives are exactly its k most similar raters; cost is the neighbours' total degree.
    /// </summary>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        var numBuffer = ArrayPool<double>.Shared.Rent(ItemCount * 2);
        var countBuffer = ArrayPool<int>.Shared.Rent(ItemCount);
        try
        {
            var num = numBuffer.AsSpan(0, ItemCount);
            var den = numBuffer.AsSpan(ItemCount, ItemCount);
            var count = countBuffer.AsSpan(0, ItemCount);
            num.Clear();
            den.Clear();
            count.Clear();
            var k = Options.Neighbors;
            var ids = _neighbors.NeighborsOf(user);
            var sims = _neighbors.SimilaritiesOf(user);
            for (var n = 0; n < ids.Length; n++)
            {
                var v = ids[n];
                double s = sims[n];
                for (var e = _userPtr[v]; e < _userPtr[v + 1]; e++)
                {
                    var i = _userItems[e];
                    if (count[i] < k)
                    {
                        count[i]++;
                        num[i] += s * _userValues[e];
                        den[i] += s;
                    }
                }
            }

            if (Options.Feedback == FeedbackKind.Implicit)
            {
                for (var i = 0; i < ItemCount; i++)
                {
                    scores[i] = (float)num[i];
                }

                return;
            }

            var userPart = _mean + _userBias[user];
            for (var i = 0; i < ItemCount; i++)
            {
                var baseline = userPart + _itemBias[i];
                scores[i] = count[i] == 0 ? baseline : (float)(baseline + (num[i] / den[i]));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(numBuffer);
            ArrayPool<int>.Shared.Return(countBuffer);
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
}
