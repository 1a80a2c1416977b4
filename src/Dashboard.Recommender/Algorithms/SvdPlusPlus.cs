using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// SVD++ (Koren 2008): r̂_ui = μ + b_u + b_i + q_i·(p_u + |N(u)|^−½ Σ_{j∈N(u)} y_j), N(u) the items u rated,
/// so what a user chose to rate informs their profile. p, q and the biases are trained by the same
/// parallel DSGD as <see cref="BiasedMf"/>. The implicit factors y would make every rating touch all of
/// the user's items, which breaks the disjoint blocks, so within an epoch the implicit sum z_u is held
/// fixed and each user's gradient g_u = Σ e_ui q_i is accumulated; y is then updated once per epoch,
/// y_j ← y_j (1 − lr·λ_y) + s·lr / √|R(j)| · Σ_{u∋j} |N(u)|^−½ g_u, in parallel over items. Sequential SGD
/// would let each of those |R(j)| pushes correct the errors of the next; applied at once they overshoot in
/// proportion to the item's popularity, which the 1/√|R(j)| damping (s = ImplicitStepScale) offsets —
/// tuned so the same defaults work on ML-100K and ML-1M. The result is deterministic for the same options
/// on any number of cores. The saved model keeps p_u + z_u per user; initialisation, the epoch loop,
/// scoring and the saved layout are those of <see cref="SgdFactorModel{TOptions}"/>.
/// </summary>
public sealed class SvdPlusPlus : SgdFactorModel<SvdPlusPlusOptions>
{
    public const string AlgorithmName = "svd++";

    public override string Name => AlgorithmName;

    public static SvdPlusPlus Load(Stream stream) => Load(stream, new SvdPlusPlus());

    private protected override void Train(
        InteractionMatrix train, RatingGrid grid, SvdPlusPlusOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var stride = Stride;
        var users = train.UserCount;
        var mean = Mean;
        var (p, q, bu, bi) = (UserVectors, ItemFactors, UserBias, ItemBias);
        var y = new float[train.ItemCount * stride];
        var z = new float[users * stride];
        var g = new float[users * stride];
        var scale = new float[users];
        for (var u = 0; u < users; u++)
        {
            scale[u] = train.UserDegree(u) == 0 ? 0f : 1f / MathF.Sqrt(train.UserDegree(u));
        }

        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        RunEpochs(
            grid,
            options,
            lr => new SgdStep(lr, options, mean, p, q, z, g, bu, bi, stride),
            beforeEpoch: () =>
            {
                ImplicitSums(train, y, z, scale, stride, parallel);
                Array.Clear(g);
            },
            afterEpoch: lr =>
            {
                var implicitDecay = 1f - (lr * options.ImplicitRegularization);
                var rate = lr * options.ImplicitStepScale;
                Parallel.For(0, train.ItemCount, parallel, j =>
                {
                    var yj = y.AsSpan(j * stride, stride);
                    TensorPrimitives.Multiply(yj, implicitDecay, yj);
                    var itemRate = rate / MathF.Sqrt(Math.Max(1, train.ItemDegree(j)));
                    foreach (var u in train.UsersOf(j))
                    {
                        TensorPrimitives.MultiplyAdd(g.AsSpan(u * stride, stride), itemRate * scale[u], yj, yj);
                    }
                });
            },
            progress,
            cancellationToken);

        // The stored user vector is p_u + z_u, so scoring is the plain biased-MF dot product.
        ImplicitSums(train, y, z, scale, stride, parallel);
        TensorPrimitives.Add(p, z, p);
    }

    /// <summary>z_u = |N(u)|^−½ Σ_{j∈N(u)} y_j for every user.</summary>
    private static void ImplicitSums(InteractionMatrix train, float[] y, float[] z, float[] scale, int stride, ParallelOptions parallel)
    {
        Parallel.For(0, train.UserCount, parallel, u =>
        {
            var zu = z.AsSpan(u * stride, stride);
            zu.Clear();
            foreach (var j in train.ItemsOf(u))
            {
                TensorPrimitives.Add(zu, y.AsSpan(j * stride, stride), zu);
            }

            TensorPrimitives.Multiply(zu, scale[u], zu);
        });
    }

    /// <summary>One rating: SGD on biases, p and q against p_u + z_u, and g_u += e·q_i for the later y step.</summary>
    private readonly struct SgdStep(
        float lr, SvdPlusPlusOptions options, float mean, float[] p, float[] q, float[] z, float[] g, float[] bu, float[] bi, int stride)
        : IRatingVisitor
    {
        private readonly float _decay = 1f - (lr * options.Regularization);
        private readonly float _biasReg = options.BiasRegularization;

        public void Visit(int user, int item, float value)
        {
            var pu = MemoryMarshal.Cast<float, Vector<float>>(p.AsSpan(user * stride, stride));
            var zu = MemoryMarshal.Cast<float, Vector<float>>(z.AsSpan(user * stride, stride));
            var qi = MemoryMarshal.Cast<float, Vector<float>>(q.AsSpan(item * stride, stride));
            var gu = MemoryMarshal.Cast<float, Vector<float>>(g.AsSpan(user * stride, stride));
            var dot = Vector<float>.Zero;
            for (var f = 0; f < pu.Length; f++)
            {
                dot += (pu[f] + zu[f]) * qi[f];
            }

            var err = value - (mean + bu[user] + bi[item] + Vector.Sum(dot));
            bu[user] += lr * (err - (_biasReg * bu[user]));
            bi[item] += lr * (err - (_biasReg * bi[item]));
            var step = new Vector<float>(lr * err);
            var d = new Vector<float>(_decay);
            var e = new Vector<float>(err);
            for (var f = 0; f < pu.Length; f++)
            {
                var pf = pu[f];
                var qf = qi[f];
                var xf = pf + zu[f];
                pu[f] = (pf * d) + (step * qf);
                qi[f] = (qf * d) + (step * xf);
                gu[f] += e * qf;
            }
        }

        public void PrefetchUser(int user)
        {
            CachePrefetch.Range(p, user * stride, stride);
            CachePrefetch.Range(z, user * stride, stride);
            CachePrefetch.Range(g, user * stride, stride);
            CachePrefetch.Range(bu, user, 1);
        }
    }
}
