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
/// the dot products). Initialisation, the epoch loop, scoring and the saved layout are those of
/// <see cref="SgdFactorModel{TOptions}"/>; this class is the per-rating step.
/// </summary>
public sealed class BiasedMf : SgdFactorModel<BiasedMfOptions>
{
    /// <summary>Number of SGD updates performed by the last Fit (epochs × ratings).</summary>
    public long UpdateCount { get; private set; }

    public const string AlgorithmName = "biased-mf";

    public override string Name => AlgorithmName;

    public static BiasedMf Load(Stream stream) => Load(stream, new BiasedMf());

    private protected override void Train(
        InteractionMatrix train, RatingGrid grid, BiasedMfOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        RunEpochs(
            grid, options, lr => new SgdStep(this, lr, options.Regularization, options.BiasRegularization),
            beforeEpoch: null, afterEpoch: null, progress, cancellationToken);
        UpdateCount = (long)options.Epochs * train.NonZeroCount;
    }

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
        private readonly float[] _p = model.UserVectors;
        private readonly float[] _q = model.ItemFactors;
        private readonly float[] _bu = model.UserBias;
        private readonly float[] _bi = model.ItemBias;
        private readonly int _stride = model.Stride;
        private readonly float _mean = model.Mean;
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

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void PrefetchUser(int user)
        {
            CachePrefetch.Range(_p, user * _stride, _stride);
            CachePrefetch.Range(_bu, user, 1);
        }
    }
}
