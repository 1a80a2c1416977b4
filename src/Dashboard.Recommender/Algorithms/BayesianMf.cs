using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Bayesian probabilistic matrix factorisation by Gibbs sampling (BPMF, Salakhutdinov and Mnih 2008), with
/// a bias per user and item sampled beside the factors and, by default, what was rated on both sides, as
/// Rendle, Zhang and Koren (2019) do with SVD++ and its "flipped" item form:
/// r_ui ~ N(μ + b_u + b_i + (p_u + z_u)·(q_i + z_i), α⁻¹), z_u = |N(u)|^−½ Σ_{j∈N(u)} y_j, z_i = |N(i)|^−½ Σ_{v∈N(i)} w_v.
/// Each row (p, b) and each implicit factor (y, w) has a Gaussian prior whose mean and precision are drawn
/// every sweep from their Normal–Wishart posterior (<see cref="NormalWishart"/>), so there is no
/// regularisation weight to tune; α is drawn from its Gamma posterior unless
/// <see cref="BayesianMfOptions.NoisePrecision"/> fixes it. Given everything else, a user's row is Gaussian
/// with precision Λ + α Σ_i d_i d_iᵀ (d_i = (q_i + z_i, 1)), factorised by the engine's small Cholesky and
/// sampled exactly; rows of one side are independent given the other, so they run in parallel, each drawing
/// from its own seeded stream (the result does not depend on the number of cores). The implicit factors
/// share users, so they are drawn one after another (<see cref="SampleImplicit"/>).
/// A prediction is the average of the model's rating over the <see cref="BayesianMfOptions.Samples"/> sweeps
/// after the burn-in. All of them are kept: a user's stored vector is the concatenation of
/// (p_u + z_u, b_u, 1) / S over the samples and an item's of (q_i + z_i, 1, b_i), so that average is one dot
/// product (S · (factors + 2) floats per user and item).
/// </summary>
public sealed class BayesianMf : RecommenderBase<BayesianMfOptions>
{
    public const string AlgorithmName = "bpmf";

    private float _mean;
    private float _min;
    private float _max;
    private int _stride;
    private float[] _users = [];
    private float[] _items = [];

    public BayesianMf()
        : base(new BayesianMfOptions())
    {
    }

    public override string Name => AlgorithmName;

    protected override int FormatVersion => 1;

    /// <summary>The noise precision α of the last sweep (the fixed one when the options pin it); NaN before a fit.</summary>
    public double LastNoisePrecision { get; private set; } = double.NaN;

    public static BayesianMf Load(Stream stream) => Load(stream, new BayesianMf());

    protected override void FitCore(InteractionMatrix train, BayesianMfOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        _mean = (float)train.GlobalMean();
        (_min, _max) = FactorRows.Range(train.UserValues);
        var d = options.Factors;
        var k = d + 1;
        _stride = FactorRows.PaddedLength(options.Samples * (d + 2));
        _users = new float[train.UserCount * _stride];
        _items = new float[train.ItemCount * _stride];

        var init = new Random(options.Seed);
        var users = new State(new Side(train.UserCount, train.UserPtr, train.UserItems, train.UserValues), d, options.InitialStdDev, init);
        var items = new State(new Side(train.ItemCount, train.ItemPtr, train.ItemUsers, train.ItemValues), d, options.InitialStdDev, init);
        var maxDegree = Math.Max(users.Side.MaxDegree, items.Side.MaxDegree);
        var precision = new double[k * k];
        var priorMean = new double[k];
        var alpha = options.NoisePrecision ?? 2.0;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        var sweeps = options.BurnIn + options.Samples;
        for (var sweep = 0; sweep < sweeps; sweep++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hyper = GibbsRandom.For(options.Seed, sweep * 8, -1);
            foreach (var (own, other, stream) in new[] { (users, items, 1), (items, users, 2) })
            {
                NormalWishart.Sample(own.Rows, own.Side.Rows, k, own.RowStride, ref hyper, precision, priorMean);
                SampleRows(own, other, precision, priorMean, alpha, options.Seed, (sweep * 8) + stream, maxDegree, options.Implicit, parallel);
                if (options.Implicit)
                {
                    // What the other side was rated by now enters this side's own effective factors: y (for users) moves z_u.
                    NormalWishart.Sample(other.Implicit, other.Side.Rows, d, d, ref hyper, precision, priorMean);
                    SampleImplicit(own, other, precision, priorMean, alpha, options.Seed, (sweep * 8) + stream + 4, parallel);
                }
            }

            if (options.NoisePrecision is null)
            {
                alpha = SampleNoisePrecision(users, items, GibbsRandom.For(options.Seed, (sweep * 8) + 3, -1), parallel);
            }

            if (sweep >= options.BurnIn)
            {
                Keep(sweep - options.BurnIn, options.Samples, users, items, d);
            }

            progress?.Report((sweep + 1.0) / sweeps);
        }

        LastNoisePrecision = alpha;
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var x = _users.AsSpan(user * _stride, _stride);
        for (var c = 0; c < candidates.Length; c++)
        {
            var i = candidates[c];
            scores[c] = IsKnownItem(i) ? Clamp(_mean + TensorPrimitives.Dot(x, _items.AsSpan(i * _stride, _stride))) : float.NaN;
        }
    }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        var x = _users.AsSpan(user * _stride, _stride);
        for (var i = 0; i < ItemCount; i++)
        {
            scores[i] = Clamp(_mean + TensorPrimitives.Dot(x, _items.AsSpan(i * _stride, _stride)));
        }
    }

    private protected override void ForgetUserCore(int user) => UserRows.Clear(_users, user, _stride);

    protected override void SaveCore(BinaryWriter writer)
    {
        writer.Write(_stride);
        writer.Write(_mean);
        writer.Write(_min);
        writer.Write(_max);
        ModelFormat.WriteArray(writer, _users);
        ModelFormat.WriteArray(writer, _items);
    }

    protected override void LoadCore(BinaryReader reader)
    {
        _stride = reader.ReadInt32();
        _mean = reader.ReadSingle();
        _min = reader.ReadSingle();
        _max = reader.ReadSingle();
        _users = ModelFormat.ReadFloats(reader);
        _items = ModelFormat.ReadFloats(reader);
        if (_stride <= 0 || _users.Length != (long)UserCount * _stride || _items.Length != (long)ItemCount * _stride)
        {
            throw new InvalidDataException($"Corrupt {Name} model: sample matrix sizes do not match.");
        }
    }

    /// <summary>
    /// Draws every row x = (p, b) of one side given the other: precision P = Λ + α Σ d dᵀ, P = L Lᵀ, and
    /// x = L⁻ᵀ (L⁻¹ (Λ μ + α Σ d t) + z) with z standard normal, which has mean P⁻¹(Λ μ + α Σ d t) and covariance P⁻¹.
    /// The design d of a rating is the other side's effective factors and 1, its target t = r − μ − the other
    /// side's bias − this row's implicit part·the other's factors. With implicit factors on, each row also
    /// keeps the factor block A of Σ d dᵀ and the residual sum R = Σ q̃ (t − x·d) for the implicit pass.
    /// </summary>
    private void SampleRows(
        State own, State other, double[] precision, double[] priorMean, double alpha, int seed, int stream, int maxDegree, bool keepSums, ParallelOptions parallel)
    {
        var d = own.Factors;
        var k = d + 1;
        var padded = FactorRows.PaddedLength(k);
        var priorTimesMean = Times(precision, priorMean, k);
        var mean = _mean;
        var side = own.Side;
        Parallel.For(
            0,
            side.Rows,
            parallel,
            () => new Workspace(maxDegree, k, padded),
            (row, _, w) =>
            {
                var start = side.Ptr[row];
                var n = side.Ptr[row + 1] - start;
                var design = w.Design;
                var targets = w.Targets;
                var dp = own.PaddedFactors;
                var kp = own.RowStride;
                var z = MemoryMarshal.Cast<float, Vector<float>>(own.ImplicitSum.AsSpan(row * dp, dp));
                for (var e = 0; e < n; e++)
                {
                    // (q + z, 1): the first dp floats of the other row hold q (and its bias, then zeros), z is zero past d.
                    var o = side.Index[start + e];
                    var q = MemoryMarshal.Cast<float, Vector<float>>(other.Rows.AsSpan(o * kp, dp));
                    var oz = MemoryMarshal.Cast<float, Vector<float>>(other.ImplicitSum.AsSpan(o * dp, dp));
                    var dest = MemoryMarshal.Cast<float, Vector<float>>(design.AsSpan(e * padded, dp));
                    var dot = Vector<float>.Zero;
                    for (var v = 0; v < dest.Length; v++)
                    {
                        var factor = q[v] + oz[v];
                        dest[v] = factor;
                        dot += z[v] * factor;
                    }

                    design[(e * padded) + d] = 1f;
                    targets[e] = side.Values[start + e] - mean - other.Rows[(o * kp) + d] - Vector.Sum(dot);
                }

                Gram(design, n, k, padded, w.Gram);
                var designTargets = MemoryMarshal.Cast<float, Vector<float>>(w.DesignTargets.AsSpan());
                designTargets.Clear();
                for (var e = 0; e < n; e++)
                {
                    var designRow = MemoryMarshal.Cast<float, Vector<float>>(design.AsSpan(e * padded, padded));
                    var t = new Vector<float>(targets[e]);
                    for (var v = 0; v < designRow.Length; v++)
                    {
                        designTargets[v] += t * designRow[v];
                    }
                }

                var system = w.System;
                var rhs = w.Rhs;
                for (var a = 0; a < k; a++)
                {
                    var gramRow = w.Gram.AsSpan(a * padded, k);
                    for (var b = 0; b < k; b++)
                    {
                        system[(a * k) + b] = precision[(a * k) + b] + (alpha * gramRow[b]);
                    }

                    rhs[a] = priorTimesMean[a] + (alpha * w.DesignTargets[a]);
                }

                DenseCholesky.FactorSmall(system, k);
                LowerTriangular.Solve(system, k, rhs);
                var random = GibbsRandom.For(seed, stream, row);
                for (var a = 0; a < k; a++)
                {
                    rhs[a] += random.NextNormal();
                }

                LowerTriangular.SolveTransposed(system, k, rhs);
                var x = own.Rows.AsSpan(row * own.RowStride, k);
                for (var a = 0; a < k; a++)
                {
                    x[a] = (float)rhs[a];
                }

                if (keepSums)
                {
                    var block = own.FactorGram.AsSpan(row * d * dp, d * dp);
                    var residual = own.Residual.AsSpan(row * own.PaddedFactors, d);
                    for (var a = 0; a < d; a++)
                    {
                        var gramRow = w.Gram.AsSpan(a * padded, k);
                        gramRow[..d].CopyTo(block.Slice(a * dp, d));
                        residual[a] = w.DesignTargets[a] - TensorPrimitives.Dot(gramRow, x);
                    }
                }

                return w;
            },
            _ => { });
    }

    /// <summary>
    /// Draws the implicit factors the other side's rows lend to this side (for users: y_j of every item j),
    /// one at a time, since each moves the implicit sums of all rows that contain it. For y_j with R(j) the
    /// users who rated j and s_u = |N(u)|^−½: precision P_j = Λ + α Σ_u s_u² A_u and linear term
    /// Λ μ + α Σ_u s_u (R_u + s_u A_u y_j), where A_u and R_u come from <see cref="SampleRows"/>; after the draw,
    /// z_u += s_u Δ and R_u −= s_u A_u Δ keep the sums exact for the next j. Nothing but Σ_u s_u R_u depends
    /// on the rows drawn before j, so for a chunk of rows the Cholesky factor of P_j, the normal draw and the
    /// part Λ μ + (P_j − Λ) y_j are prepared in parallel, and only the rest runs in order.
    /// </summary>
    private static void SampleImplicit(
        State own, State other, double[] precision, double[] priorMean, double alpha, int seed, int stream, ParallelOptions parallel)
    {
        var d = own.Factors;

        // Large chunks: every chunk is one parallel loop to wait for, and the prepared factors take d² doubles a row (≤ 32 MB a chunk).
        var chunk = Math.Clamp((1 << 22) / (d * d), 64, 8192);
        var dp = own.PaddedFactors;
        var block = d * dp;
        var priorTimesMean = Times(precision, priorMean, d);
        var scale = own.Scale;
        var factors = new double[chunk * d * d];
        var fixedPart = new double[chunk * d];
        var noise = new double[chunk * d];
        var linear = new double[d];
        var otherSide = other.Side;
        var change = new float[dp];
        var delta = new float[dp];
        var sum = new float[dp];
        for (var c0 = 0; c0 < otherSide.Rows; c0 += chunk)
        {
            var c1 = Math.Min(otherSide.Rows, c0 + chunk);
            Parallel.For(c0, c1, parallel, () => new float[block], (j, _, acc) =>
            {
                Array.Clear(acc);
                for (var e = otherSide.Ptr[j]; e < otherSide.Ptr[j + 1]; e++)
                {
                    var u = otherSide.Index[e];
                    LowerBlockMultiplyAdd(own.FactorGram.AsSpan(u * block, block), scale[u] * scale[u], acc, d, dp);
                }

                var c = j - c0;
                var system = factors.AsSpan(c * d * d, d * d);
                var yj = other.Implicit.AsSpan(j * d, d);
                for (var a = 0; a < d; a++)
                {
                    for (var b = 0; b <= a; b++)
                    {
                        var value = alpha * acc[(a * dp) + b];
                        system[(a * d) + b] = precision[(a * d) + b] + value;
                        system[(b * d) + a] = system[(a * d) + b];
                    }
                }

                for (var a = 0; a < d; a++)
                {
                    var data = 0.0;
                    for (var b = 0; b < d; b++)
                    {
                        data += (system[(a * d) + b] - precision[(a * d) + b]) * yj[b];
                    }

                    fixedPart[(c * d) + a] = priorTimesMean[a] + data;
                }

                var random = GibbsRandom.For(seed, stream, j);
                for (var a = 0; a < d; a++)
                {
                    noise[(c * d) + a] = random.NextNormal();
                }

                DenseCholesky.FactorSmall(system, d);
                return acc;
            },
            _ => { });

            for (var j = c0; j < c1; j++)
            {
                var c = j - c0;
                var users = otherSide.Index.AsSpan(otherSide.Ptr[j], otherSide.Ptr[j + 1] - otherSide.Ptr[j]);
                var sumVectors = MemoryMarshal.Cast<float, Vector<float>>(sum.AsSpan());
                sumVectors.Clear();
                foreach (var u in users)
                {
                    var residual = MemoryMarshal.Cast<float, Vector<float>>(own.Residual.AsSpan(u * dp, dp));
                    var weight = new Vector<float>(scale[u]);
                    for (var v = 0; v < sumVectors.Length; v++)
                    {
                        sumVectors[v] += weight * residual[v];
                    }
                }

                for (var a = 0; a < d; a++)
                {
                    linear[a] = fixedPart[(c * d) + a] + (alpha * sum[a]);
                }

                var factor = factors.AsSpan(c * d * d, d * d);
                LowerTriangular.Solve(factor, d, linear);
                for (var a = 0; a < d; a++)
                {
                    linear[a] += noise[(c * d) + a];
                }

                LowerTriangular.SolveTransposed(factor, d, linear);
                var yj = other.Implicit.AsSpan(j * d, d);
                for (var a = 0; a < d; a++)
                {
                    var value = (float)linear[a];
                    delta[a] = value - yj[a];
                    yj[a] = value;
                }

                var deltaVectors = MemoryMarshal.Cast<float, Vector<float>>(delta.AsSpan());
                foreach (var u in users)
                {
                    var s = scale[u];
                    var z = MemoryMarshal.Cast<float, Vector<float>>(own.ImplicitSum.AsSpan(u * dp, dp));
                    var step = new Vector<float>(s);
                    for (var v = 0; v < z.Length; v++)
                    {
                        z[v] += step * deltaVectors[v];
                    }

                    ChangeOfResidual(own.FactorGram.AsSpan(u * block, block), delta, s, d, change);
                    var residual = MemoryMarshal.Cast<float, Vector<float>>(own.Residual.AsSpan(u * dp, dp));
                    var changeVectors = MemoryMarshal.Cast<float, Vector<float>>(change.AsSpan());
                    for (var v = 0; v < residual.Length; v++)
                    {
                        residual[v] -= changeVectors[v];
                    }
                }
            }
        }
    }

    /// <summary>acc += w·A on the vectors that hold the lower triangle of each row (A symmetric, rows of <paramref name="dp"/> floats).</summary>
    private static void LowerBlockMultiplyAdd(ReadOnlySpan<float> a, float w, Span<float> acc, int d, int dp)
    {
        var weight = new Vector<float>(w);
        var width = Vector<float>.Count;
        for (var r = 0; r < d; r++)
        {
            var source = MemoryMarshal.Cast<float, Vector<float>>(a.Slice(r * dp, ((r / width) + 1) * width));
            var target = MemoryMarshal.Cast<float, Vector<float>>(acc.Slice(r * dp, ((r / width) + 1) * width));
            for (var v = 0; v < source.Length; v++)
            {
                target[v] += weight * source[v];
            }
        }
    }

    /// <summary>change = s A Δ for a symmetric A stored in rows of <paramref name="change"/>'s padded length: Σ_a s Δ_a A_a, whole vectors.</summary>
    private static void ChangeOfResidual(ReadOnlySpan<float> block, float[] delta, float s, int d, float[] change)
    {
        var c = MemoryMarshal.Cast<float, Vector<float>>(change.AsSpan());
        c.Clear();
        for (var a = 0; a < d; a++)
        {
            var row = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(a * change.Length, change.Length));
            var weight = new Vector<float>(s * delta[a]);
            for (var v = 0; v < c.Length; v++)
            {
                c[v] += weight * row[v];
            }
        }
    }

    private static double[] Times(double[] matrix, double[] vector, int n)
    {
        var result = new double[n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                result[a] += matrix[(a * n) + b] * vector[b];
            }
        }

        return result;
    }

    /// <summary>
    /// Σ d dᵀ over the first n design rows. Only the vectors holding each row's lower triangle are summed, four
    /// design rows per pass so each Gram row is loaded and stored once per four ratings; the upper triangle is
    /// then copied from the lower.
    /// </summary>
    private static void Gram(float[] design, int n, int k, int padded, float[] gram)
    {
        Array.Clear(gram, 0, k * padded);
        var width = Vector<float>.Count;
        var e = 0;
        for (; e + 4 <= n; e += 4)
        {
            var d0 = MemoryMarshal.Cast<float, Vector<float>>(design.AsSpan(e * padded, padded));
            var d1 = MemoryMarshal.Cast<float, Vector<float>>(design.AsSpan((e + 1) * padded, padded));
            var d2 = MemoryMarshal.Cast<float, Vector<float>>(design.AsSpan((e + 2) * padded, padded));
            var d3 = MemoryMarshal.Cast<float, Vector<float>>(design.AsSpan((e + 3) * padded, padded));
            for (var a = 0; a < k; a++)
            {
                var g = MemoryMarshal.Cast<float, Vector<float>>(gram.AsSpan(a * padded, ((a / width) + 1) * width));
                var s0 = new Vector<float>(design[(e * padded) + a]);
                var s1 = new Vector<float>(design[((e + 1) * padded) + a]);
                var s2 = new Vector<float>(design[((e + 2) * padded) + a]);
                var s3 = new Vector<float>(design[((e + 3) * padded) + a]);
                for (var v = 0; v < g.Length; v++)
                {
                    g[v] += (s0 * d0[v]) + (s1 * d1[v]) + (s2 * d2[v]) + (s3 * d3[v]);
                }
            }
        }

        for (; e < n; e++)
        {
            var row = MemoryMarshal.Cast<float, Vector<float>>(design.AsSpan(e * padded, padded));
            for (var a = 0; a < k; a++)
            {
                var g = MemoryMarshal.Cast<float, Vector<float>>(gram.AsSpan(a * padded, ((a / width) + 1) * width));
                var scale = new Vector<float>(design[(e * padded) + a]);
                for (var v = 0; v < g.Length; v++)
                {
                    g[v] += scale * row[v];
                }
            }
        }

        for (var a = 0; a < k; a++)
        {
            for (var b = a + 1; b < k; b++)
            {
                gram[(a * padded) + b] = gram[(b * padded) + a];
            }
        }
    }

    /// <summary>α ~ Gamma(1 + n/2, 1 + SSE/2), the conjugate posterior of the noise precision under a Gamma(1, 1) prior.</summary>
    private double SampleNoisePrecision(State users, State items, GibbsRandom random, ParallelOptions parallel)
    {
        var d = users.Factors;
        var k = d + 1;
        var side = users.Side;
        var partial = new double[side.Rows];
        var mean = _mean;
        Parallel.For(0, side.Rows, parallel, () => new float[2 * d], (u, _, buffer) =>
        {
            var pu = buffer.AsSpan(0, d);
            var qi = buffer.AsSpan(d, d);
            TensorPrimitives.Add(users.Rows.AsSpan(u * users.RowStride, d), users.ImplicitSum.AsSpan(u * users.PaddedFactors, d), pu);
            var bu = users.Rows[(u * users.RowStride) + d];
            var sum = 0.0;
            for (var e = side.Ptr[u]; e < side.Ptr[u + 1]; e++)
            {
                var i = side.Index[e];
                TensorPrimitives.Add(items.Rows.AsSpan(i * items.RowStride, d), items.ImplicitSum.AsSpan(i * items.PaddedFactors, d), qi);
                var error = side.Values[e] - (mean + bu + items.Rows[(i * items.RowStride) + d] + TensorPrimitives.Dot(pu, qi));
                sum += error * error;
            }

            partial[u] = sum;
            return buffer;
        },
        _ => { });

        var sse = 0.0;
        foreach (var p in partial)
        {
            sse += p;
        }

        return random.NextGamma(1 + (side.Ptr[^1] / 2.0)) / (1 + (sse / 2));
    }

    /// <summary>Appends the sweep's rows as sample s of S: users (p + z, b_u, 1) / S, items (q + z, 1, b_i).</summary>
    private void Keep(int s, int count, State users, State items, int d)
    {
        var k = d + 1;
        var offset = s * (d + 2);
        var weight = 1f / count;
        for (var u = 0; u < UserCount; u++)
        {
            var dest = _users.AsSpan((u * _stride) + offset, d + 2);
            TensorPrimitives.Add(users.Rows.AsSpan(u * users.RowStride, d), users.ImplicitSum.AsSpan(u * users.PaddedFactors, d), dest[..d]);
            TensorPrimitives.Multiply(dest[..d], weight, dest[..d]);
            dest[d] = users.Rows[(u * users.RowStride) + d] * weight;
            dest[k] = weight;
        }

        for (var i = 0; i < ItemCount; i++)
        {
            var dest = _items.AsSpan((i * _stride) + offset, d + 2);
            TensorPrimitives.Add(items.Rows.AsSpan(i * items.RowStride, d), items.ImplicitSum.AsSpan(i * items.PaddedFactors, d), dest[..d]);
            dest[d] = 1f;
            dest[k] = items.Rows[(i * items.RowStride) + d];
        }
    }

    private float Clamp(float value) => Options.ClampToTrainingRange ? Math.Clamp(value, _min, _max) : value;

    /// <summary>One side's ratings in compressed rows: for each row its partners and values.</summary>
    private sealed class Side(int rows, int[] ptr, int[] index, float[] values)
    {
        public int Rows { get; } = rows;

        public int[] Ptr { get; } = ptr;

        public int[] Index { get; } = index;

        public float[] Values { get; } = values;

        public int MaxDegree { get; } = Enumerable.Range(0, rows).Select(r => ptr[r + 1] - ptr[r]).DefaultIfEmpty(0).Max();
    }

    /// <summary>
    /// One side's chain state: rows (p, b); the implicit factors this side lends the other (y for items,
    /// w for users) and its own implicit sums z = |N|^−½ Σ of the other side's; the factor Gram blocks and
    /// residual sums of the last row pass; and |N|^−½ per row.
    /// </summary>
    private sealed class State
    {
        public State(Side side, int factors, float initialStdDev, Random random)
        {
            Side = side;
            Factors = factors;
            Rows = FactorRows.NormalFactors(side.Rows, factors, RowStride, initialStdDev, random);
            Implicit = new float[side.Rows * factors];
            ImplicitSum = new float[side.Rows * PaddedFactors];
            Scale = new float[side.Rows];
            for (var r = 0; r < side.Rows; r++)
            {
                var degree = side.Ptr[r + 1] - side.Ptr[r];
                Scale[r] = degree == 0 ? 0f : 1f / MathF.Sqrt(degree);
            }
        }

        public Side Side { get; }

        public int Factors { get; }

        /// <summary>Row length of <see cref="Rows"/>: (p, b) and zeros to whole SIMD vectors, at least one vector past the factors.</summary>
        public int RowStride => FactorRows.PaddedLength(Factors + 1);

        /// <summary>Row length of the implicit sums, residuals and factor Gram rows: whole SIMD vectors, the padding zero.</summary>
        public int PaddedFactors => FactorRows.PaddedLength(Factors);

        public float[] Rows { get; }

        public float[] Implicit { get; }

        public float[] ImplicitSum { get; }

        public float[] Scale { get; }


        public float[] FactorGram => _factorGram ??= new float[Side.Rows * Factors * PaddedFactors];

        public float[] Residual => _residual ??= new float[Side.Rows * PaddedFactors];

        private float[]? _factorGram;
        private float[]? _residual;
    }

    /// <summary>Per-thread buffers, sized once for the longest row.</summary>
    private sealed class Workspace(int maxDegree, int k, int padded)
    {
        public float[] Design { get; } = new float[Math.Max(1, maxDegree) * padded];

        public float[] Targets { get; } = new float[Math.Max(1, maxDegree)];

        public float[] Gram { get; } = new float[k * padded];

        public double[] System { get; } = new double[k * k];

        public double[] Rhs { get; } = new double[k];

        public float[] DesignTargets { get; } = new float[padded];
    }
}
