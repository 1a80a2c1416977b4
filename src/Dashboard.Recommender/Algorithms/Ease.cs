using System.Buffers;
using System.Numerics.Tensors;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// EASE^R (Steck 2019): a shallow item-item autoencoder with the closed form
/// P = (XᵀX + λI)⁻¹, B = I − P · diag(1 / diag(P)) (zero diagonal), and scores x_u B.
/// Memory and fit time are quadratic and cubic in the number of items: meant for catalogues up to a
/// few thousand items (ML-1M has 3,706).
/// </summary>
public sealed class Ease : RecommenderBase<EaseOptions>
{
    public const string AlgorithmName = "ease";

    private float[] _weights = [];
    private int[] _userPtr = [0];
    private int[] _userItems = [];
    private float[] _userValues = [];

    public Ease()
        : base(new EaseOptions())
    {
    }

    public override string Name => AlgorithmName;

    protected override int FormatVersion => 1;

    public static Ease Load(Stream stream) => Load(stream, new Ease());

    /// <summary>B[i, j]: weight of item i in the score of item j.</summary>
    internal float Weight(int i, int j) => _weights[((long)i * ItemCount) + j];

    protected override void FitCore(
        InteractionMatrix train, EaseOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        if (!(options.Lambda > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Lambda must be positive.");
        }

        var n = train.ItemCount;
        var values = options.Binarize ? null : train.UserValues;
        var itemValues = options.Binarize ? null : train.ItemValues;

        // G = XᵀX + λI, one row per item from the item's users and their rows (no dense X).
        var g = new double[(long)n * n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var row = g.AsSpan(i * n, n);
            for (var k = train.ItemPtr[i]; k < train.ItemPtr[i + 1]; k++)
            {
                var u = train.ItemUsers[k];
                double xi = itemValues?[k] ?? 1.0;
                for (var m = train.UserPtr[u]; m < train.UserPtr[u + 1]; m++)
                {
                    row[train.UserItems[m]] += xi * (values?[m] ?? 1.0);
                }
            }

            row[i] += options.Lambda;
        });
        progress?.Report(0.15);

        DenseCholesky.Factor(g, n, cancellationToken);
        progress?.Report(0.4);
        var p = DenseCholesky.InverseFromFactor(g, n, cancellationToken);
        progress?.Report(0.9);

        var weights = new float[(long)n * n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            for (var j = 0; j < n; j++)
            {
                weights[((long)i * n) + j] = i == j ? 0f : (float)(-p[((long)i * n) + j] / p[((long)j * n) + j]);
            }
        });

        _weights = weights;
        _userPtr = train.UserPtr;
        _userItems = train.UserItems;
        _userValues = options.Binarize ? Ones(train.NonZeroCount) : train.UserValues;
    }

    /// <summary>
    /// Scores a history given by the caller (a known user's row plus events since training): x B over
    /// these items, each worth its value, or 1 when the model was fitted binarised.
    /// </summary>
    internal void ScoreHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> scores)
    {
        scores.Clear();
        var n = ItemCount;
        for (var k = 0; k < items.Length; k++)
        {
            if (IsKnownItem(items[k]))
            {
                TensorPrimitives.MultiplyAdd(_weights.AsSpan(items[k] * n, n), Options.Binarize ? 1f : values[k], scores, scores);
            }
        }
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var buffer = ArrayPool<float>.Shared.Rent(ItemCount);
        try
        {
            var all = buffer.AsSpan(0, ItemCount);
            ScoreAll(user, all);
            for (var c = 0; c < candidates.Length; c++)
            {
                scores[c] = IsKnownItem(candidates[c]) ? all[candidates[c]] : float.NaN;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>x_u B as a sum of the rows of B for the user's items.</summary>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        scores.Clear();
        var n = ItemCount;
        for (var k = _userPtr[user]; k < _userPtr[user + 1]; k++)
        {
            var row = _weights.AsSpan(_userItems[k] * n, n);
            TensorPrimitives.MultiplyAdd(row, _userValues[k], scores, scores);
        }
    }

    private protected override void ForgetUserCore(int user) =>
        (_userPtr, _userItems, _userValues) = UserRows.WithoutRow(_userPtr, _userItems, _userValues, user);

    protected override void SaveCore(BinaryWriter writer)
    {
        ModelFormat.WriteArray(writer, _weights);
        ModelFormat.WriteArray(writer, _userPtr);
        ModelFormat.WriteArray(writer, _userItems);
        ModelFormat.WriteArray(writer, _userValues);
    }

    protected override void LoadCore(BinaryReader reader)
    {
        _weights = ModelFormat.ReadFloats(reader);
        _userPtr = ModelFormat.ReadInts(reader);
        _userItems = ModelFormat.ReadInts(reader);
        _userValues = ModelFormat.ReadFloats(reader);
        if (_weights.LongLength != (long)ItemCount * ItemCount)
        {
            throw new InvalidDataException("Corrupt ease model: the weight matrix is not items × items.");
        }
    }

    private static float[] Ones(int length)
    {
        var ones = new float[length];
        ones.AsSpan().Fill(1f);
        return ones;
    }
}
