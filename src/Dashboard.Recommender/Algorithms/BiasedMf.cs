using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Biased matrix factorisation r̂_ui = μ + b_u + b_i + p_u·q_i trained by SGD on the L2-regularised
/// squared error (Funk; Koren, Bell, Volinsky 2009; Surprise's "SVD"). Training is parallel DSGD:
/// ratings are bucketed into a Strata × Strata grid over shuffled user and item groups, and the blocks
/// of one diagonal (disjoint users and items) are updated concurrently without locks. Within a block
/// the users' runs of ratings are visited in an order shuffled by a seed derived from (Seed, epoch,
/// block) (see <see cref="RatingGrid"/>), so a fit is bit-for-bit reproducible for the same options on
/// any number of cores (given the same SIMD width, which fixes the padding and the summation order of
/// the dot products).
/// Factors are stored row-major and padded to a multiple of the SIMD width so the update loop runs on
/// whole vectors; the padding stays exactly zero.
/// </summary>
public sealed class BiasedMf : RecommenderBase<BiasedMfOptions>
{
    public const string AlgorithmName = "biased-mf";

    private float[] _userFactors = [];
    private float[] _itemFactors = [];
    private float[] _userBias = [];
    private float[] _itemBias = [];
    private float _mean;
    private float _min;
    private float _max;
    private int _stride;

    public BiasedMf()
        : base(new BiasedMfOptions())
    {
    }

    public override string Name => AlgorithmName;

    protected override int FormatVersion => 1;

    /// <summary>Number of SGD updates performed by the last Fit (epochs × ratings).</summary>
    public long UpdateCount { get; private set; }

    public static BiasedMf Load(Stream stream) => Load(stream, new BiasedMf());

    protected override void FitCore(
        InteractionMatrix train, BiasedMfOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var k = options.Factors;
        _stride = PaddedLength(k);
        _mean = (float)train.GlobalMean();
        (_min, _max) = Range(train.UserValues);
        _userBias = new float[train.UserCount];
        _itemBias = new float[train.ItemCount];
        var random = new Random(options.Seed);
        _userFactors = NormalFactors(train.UserCount, k, _stride, options.InitialStdDev, random);
        _itemFactors = NormalFactors(train.ItemCount, k, _stride, options.InitialStdDev, random);
        var grid = RatingGrid.Build(train, options.Strata, random);
        var strata = options.Strata;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        var lr = options.LearningRate;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            for (var shift = 0; shift < strata; shift++)
            {
                var epochIndex = epoch;
                var learningRate = lr;
                Parallel.For(0, strata, parallel, userGroup =>
                {
                    var block = (userGroup * strata) + ((userGroup + shift) % strata);
                    var step = new SgdStep(this, learningRate, options.Regularization, options.BiasRegularization);
                    grid.ForEach(block, options.Seed, epochIndex, ref step);
                });
            }

            lr *= options.LearningRateDecay;
            progress?.Report((epoch + 1.0) / options.Epochs);
        }

        UpdateCount = (long)options.Epochs * train.NonZeroCount;
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var p = _userFactors.AsSpan(user * _stride, _stride);
        var userPart = _mean + _userBias[user];
        for (var c = 0; c < candidates.Length; c++)
        {
            var i = candidates[c];
            scores[c] = IsKnownItem(i) ? Clamp(userPart + _itemBias[i] + TensorPrimitives.Dot(p, _itemFactors.AsSpan(i * _stride, _stride))) : float.NaN;
        }
    }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        var p = _userFactors.AsSpan(user * _stride, _stride);
        var userPart = _mean + _userBias[user];
        for (var i = 0; i < ItemCount; i++)
        {
            scores[i] = Clamp(userPart + _itemBias[i] + TensorPrimitives.Dot(p, _itemFactors.AsSpan(i * _stride, _stride)));
        }
    }

    protected override void SaveCore(BinaryWriter writer)
    {
        writer.Write(_stride);
        writer.Write(_mean);
        writer.Write(_min);
        writer.Write(_max);
        ModelFormat.WriteArray(writer, _userBias);
        ModelFormat.WriteArray(writer, _itemBias);
        ModelFormat.WriteArray(writer, _userFactors);
        ModelFormat.WriteArray(writer, _itemFactors);
    }

    protected override void LoadCore(BinaryReader reader)
    {
        _stride = reader.ReadInt32();
        _mean = reader.ReadSingle();
        _min = reader.ReadSingle();
        _max = reader.ReadSingle();
        _userBias = ModelFormat.ReadFloats(reader);
        _itemBias = ModelFormat.ReadFloats(reader);
        _userFactors = ModelFormat.ReadFloats(reader);
        _itemFactors = ModelFormat.ReadFloats(reader);
        if (_userFactors.Length != _userBias.Length * _stride || _itemFactors.Length != _itemBias.Length * _stride)
        {
            throw new InvalidDataException("Corrupt biased-mf model: factor matrix sizes do not match.");
        }
    }

    internal static int PaddedLength(int factors) =>
        (factors + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    internal static float[] NormalFactors(int rows, int factors, int stride, float stdDev, Random random)
    {
        var result = new float[rows * stride];
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < factors; f++)
            {
                result[(r * stride) + f] = (float)(stdDev * NextNormal(random));
            }
        }

        return result;
    }

    /// <summary>Box–Muller; System.Random has no normal sampler.</summary>
    private static double NextNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static (float Min, float Max) Range(float[] values)
    {
        if (values.Length == 0)
        {
            return (float.NegativeInfinity, float.PositiveInfinity);
        }

        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return (min, max);
    }

    private float Clamp(float value) => Options.ClampToTrainingRange ? Math.Clamp(value, _min, _max) : value;

    /// <summary>
    /// p ← p(1 − lr·λ) + lr·e·q and q ← q(1 − lr·λ) + lr·e·p_old, fused in one SIMD pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void UpdateFactors(Span<float> p, Span<float> q, float step, float decay)
    {
        var pv = MemoryMarshal.Cast<float, Vector<float>>(p);
        var qv = MemoryMarshal.Cast<float, Vector<float>>(q);
        var s = new Vector<float>(step);
        var d = new Vector<float>(decay);
        for (var f = 0; f < pv.Length; f++)
        {
            var pf = pv[f];
            var qf = qv[f];
            pv[f] = (pf * d) + (s * qf);
            qv[f] = (qf * d) + (s * pf);
        }
    }

    /// <summary>The fused SGD step for one rating: error, bias updates, then both factor rows in one pass.</summary>
    private readonly struct SgdStep(BiasedMf model, float lr, float reg, float biasReg) : IRatingVisitor
    {
        private readonly float[] _p = model._userFactors;
        private readonly float[] _q = model._itemFactors;
        private readonly float[] _bu = model._userBias;
        private readonly float[] _bi = model._itemBias;
        private readonly int _stride = model._stride;
        private readonly float _mean = model._mean;
        private readonly float _decay = 1f - (lr * reg);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int user, int item, float value)
        {
            var p = _p.AsSpan(user * _stride, _stride);
            var q = _q.AsSpan(item * _stride, _stride);
            var err = value - (_mean + _bu[user] + _bi[item] + TensorPrimitives.Dot(p, q));
            _bu[user] += lr * (err - (biasReg * _bu[user]));
            _bi[item] += lr * (err - (biasReg * _bi[item]));
            UpdateFactors(p, q, lr * err, _decay);
        }
    }
}
