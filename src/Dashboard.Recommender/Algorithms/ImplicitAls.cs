using System.Numerics.Tensors;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Implicit-feedback matrix factorisation (Hu, Koren, Volinsky 2008): minimise
/// Σ_ui c_ui (p_ui − x_u·y_i)² + λ(‖X‖² + ‖Y‖²) over all user–item pairs, with p_ui = 1 for observed
/// pairs (0 otherwise) and confidence c_ui = 1 + α r_ui. Each row solve uses the YᵀY trick — the
/// unobserved pairs contribute the shared YᵀY, observed ones a correction — and a few warm-started
/// conjugate-gradient steps instead of a Cholesky solve, as the "implicit" library does. Rows are
/// independent within a half-sweep, so the result does not depend on the number of threads.
/// </summary>
public sealed class ImplicitAls : RecommenderBase<ImplicitAlsOptions>
{
    public const string AlgorithmName = "implicit-als";

    private float[] _userFactors = [];
    private float[] _itemFactors = [];
    private int _factors;

    // YᵀY + λI for fold-in, computed on first use; recomputing it concurrently is harmless.
    private float[]? _gram;

    public ImplicitAls()
        : base(new ImplicitAlsOptions())
    {
    }

    public override string Name => AlgorithmName;

    protected override int FormatVersion => 1;

    public static ImplicitAls Load(Stream stream) => Load(stream, new ImplicitAls());

    protected override void FitCore(
        InteractionMatrix train, ImplicitAlsOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        _gram = null;
        var k = _factors = options.Factors;
        var random = new Random(options.Seed);
        _userFactors = FactorRows.NormalFactors(train.UserCount, k, k, 0.01f, random);
        _itemFactors = FactorRows.NormalFactors(train.ItemCount, k, k, 0.01f, random);
        var userConfidence = Confidence(train.UserValues, options);
        var itemConfidence = Confidence(train.ItemValues, options);
        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            SolveSide(train.UserPtr, train.UserItems, userConfidence, _userFactors, _itemFactors, k, options, cancellationToken);
            SolveSide(train.ItemPtr, train.ItemUsers, itemConfidence, _itemFactors, _userFactors, k, options, cancellationToken);
            progress?.Report((iteration + 1.0) / options.Iterations);
        }
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var x = _userFactors.AsSpan(user * _factors, _factors);
        for (var c = 0; c < candidates.Length; c++)
        {
            var i = candidates[c];
            scores[c] = IsKnownItem(i) ? TensorPrimitives.Dot(x, _itemFactors.AsSpan(i * _factors, _factors)) : float.NaN;
        }
    }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        var x = _userFactors.AsSpan(user * _factors, _factors);
        for (var i = 0; i < ItemCount; i++)
        {
            scores[i] = TensorPrimitives.Dot(x, _itemFactors.AsSpan(i * _factors, _factors));
        }
    }

    /// <summary>
    /// Scores a history given by the caller (a known user's row plus events since training) by folding
    /// the user in: one exact least-squares solve of (YᵀY + λI + Σ (c − 1) y yᵀ) x = Σ c y with the item
    /// factors fixed, the same objective a user sweep minimises.
    /// </summary>
    internal void ScoreFoldIn(ReadOnlySpan<int> items, ReadOnlySpan<float> values, Span<float> scores)
    {
        var k = _factors;
        var (a, b) = FoldInSystem(items, values);
        var x = new float[k];
        SolveFactored(a, b, x, k);
        for (var i = 0; i < ItemCount; i++)
        {
            scores[i] = TensorPrimitives.Dot(x, _itemFactors.AsSpan(i * k, k));
        }
    }

    /// <summary>
    /// Each history item's part in the scores of the <paramref name="targets"/> (Hu, Koren and Volinsky
    /// 2008, section 5): with W = (YᵀCY + λI)⁻¹ the folded-in score of i is Σⱼ c_j · y_iᵀ W y_j, so history
    /// item j contributes c_j · y_jᵀ (W y_i). One factorisation serves all targets; row t of
    /// <paramref name="contributions"/> (length targets × history items) belongs to target t.
    /// </summary>
    internal void ExplainByHistory(ReadOnlySpan<int> items, ReadOnlySpan<float> values, ReadOnlySpan<int> targets, Span<float> contributions)
    {
        contributions.Clear();
        var k = _factors;
        var (a, _) = FoldInSystem(items, values);
        var rhs = new double[k];
        var w = new float[k];
        for (var t = 0; t < targets.Length; t++)
        {
            if (!IsKnownItem(targets[t]))
            {
                continue;
            }

            var y = _itemFactors.AsSpan(targets[t] * k, k);
            for (var r = 0; r < k; r++)
            {
                rhs[r] = y[r];
            }

            SolveFactored(a, rhs, w, k);
            var row = contributions.Slice(t * items.Length, items.Length);
            for (var e = 0; e < items.Length; e++)
            {
                if (IsKnownItem(items[e]))
                {
                    row[e] = (float)(Confidence(values[e]) * TensorPrimitives.Dot(_itemFactors.AsSpan(items[e] * k, k), w));
                }
            }
        }
    }

    /// <summary>The Cholesky factor of YᵀY + λI + Σ (c − 1) y yᵀ and the right-hand side Σ c y for a history.</summary>
    private (double[] Factor, double[] Rhs) FoldInSystem(ReadOnlySpan<int> items, ReadOnlySpan<float> values)
    {
        var k = _factors;
        var gram = _gram ??= Gram(_itemFactors, k, Options.Regularization);
        var a = new double[k * k];
        var b = new double[k];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = gram[i];
        }

        for (var e = 0; e < items.Length; e++)
        {
            if (!IsKnownItem(items[e]))
            {
                continue;
            }

            var y = _itemFactors.AsSpan(items[e] * k, k);
            var c = Confidence(values[e]);
            // DenseCholesky.Factor reads only the lower triangle, so only that is updated.
            for (var r = 0; r < k; r++)
            {
                b[r] += c * y[r];
                var scaled = (c - 1) * y[r];
                var row = a.AsSpan(r * k, r + 1);
                for (var col = 0; col <= r; col++)
                {
                    row[col] += scaled * y[col];
                }
            }
        }

        DenseCholesky.FactorSmall(a, k);
        return (a, b);
    }

    private double Confidence(float value) => 1.0 + (Options.Alpha * (Options.Binarize ? 1.0 : value));

    private protected override void ForgetUserCore(int user) => UserRows.Clear(_userFactors, user, _factors);

    protected override void SaveCore(BinaryWriter writer)
    {
        writer.Write(_factors);
        ModelFormat.WriteArray(writer, _userFactors);
        ModelFormat.WriteArray(writer, _itemFactors);
    }

    protected override void LoadCore(BinaryReader reader)
    {
        _gram = null;
        _factors = reader.ReadInt32();
        _userFactors = ModelFormat.ReadFloats(reader);
        _itemFactors = ModelFormat.ReadFloats(reader);
        if (_userFactors.Length != UserCount * _factors || _itemFactors.Length != ItemCount * _factors)
        {
            throw new InvalidDataException("Corrupt implicit-als model: factor matrix sizes do not match.");
        }
    }

    /// <summary>Solves L Lᵀ x = b given the lower factor L (row-major, from <see cref="DenseCholesky.Factor"/>).</summary>
    private static void SolveFactored(double[] l, double[] b, Span<float> x, int k)
    {
        var z = new double[k];
        for (var r = 0; r < k; r++)
        {
            var sum = b[r];
            for (var c = 0; c < r; c++)
            {
                sum -= l[(r * k) + c] * z[c];
            }

            z[r] = sum / l[(r * k) + r];
        }

        for (var r = k - 1; r >= 0; r--)
        {
            var sum = z[r];
            for (var c = r + 1; c < k; c++)
            {
                sum -= l[(c * k) + r] * z[c];
            }

            z[r] = sum / l[(r * k) + r];
        }

        for (var r = 0; r < k; r++)
        {
            x[r] = (float)z[r];
        }
    }

    private static float[] Confidence(float[] values, ImplicitAlsOptions options)
    {
        var confidence = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            confidence[i] = 1f + (options.Alpha * (options.Binarize ? 1f : values[i]));
        }

        return confidence;
    }

    /// <summary>Updates every row of <paramref name="solve"/> given the fixed <paramref name="fixedSide"/>.</summary>
    private static void SolveSide(
        int[] ptr, int[] indices, float[] confidence, float[] solve, float[] fixedSide, int k,
        ImplicitAlsOptions options, CancellationToken cancellationToken)
    {
        var gram = Gram(fixedSide, k, options.Regularization);
        var rows = ptr.Length - 1;
        Parallel.For(
            0,
            rows,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new float[3 * k],
            (row, _, buffer) =>
            {
                var x = solve.AsSpan(row * k, k);
                var r = buffer.AsSpan(0, k);
                var p = buffer.AsSpan(k, k);
                var ap = buffer.AsSpan(2 * k, k);

                // r = b − A x with A = YᵀY + λI + Σ (c − 1) y yᵀ and b = Σ c y.
                MatVec(gram, x, r, k);
                TensorPrimitives.Negate(r, r);
                for (var e = ptr[row]; e < ptr[row + 1]; e++)
                {
                    var y = fixedSide.AsSpan(indices[e] * k, k);
                    var c = confidence[e];
                    TensorPrimitives.MultiplyAdd(y, c - ((c - 1) * TensorPrimitives.Dot(y, x)), r, r);
                }

                r.CopyTo(p);
                var rsOld = TensorPrimitives.Dot(r, r);
                for (var step = 0; step < options.ConjugateGradientSteps && rsOld > 1e-20f; step++)
                {
                    MatVec(gram, p, ap, k);
                    for (var e = ptr[row]; e < ptr[row + 1]; e++)
                    {
                        var y = fixedSide.AsSpan(indices[e] * k, k);
                        TensorPrimitives.MultiplyAdd(y, (confidence[e] - 1) * TensorPrimitives.Dot(y, p), ap, ap);
                    }

                    var alpha = rsOld / TensorPrimitives.Dot(p, ap);
                    TensorPrimitives.MultiplyAdd(p, alpha, x, x);
                    TensorPrimitives.MultiplyAdd(ap, -alpha, r, r);
                    var rsNew = TensorPrimitives.Dot(r, r);
                    TensorPrimitives.MultiplyAdd(p, rsNew / rsOld, r, p);
                    rsOld = rsNew;
                }

                return buffer;
            },
            _ => { });
    }

    /// <summary>
    /// YᵀY + λI (k × k): rows are summed in a fixed number of chunks (in parallel), then the chunks in
    /// order, in double, so the result is reproducible whatever the scheduling.
    /// </summary>
    private static float[] Gram(float[] factors, int k, float regularization)
    {
        const int chunks = 16;
        var rows = factors.Length / k;
        var partial = new double[chunks][];
        Parallel.For(0, chunks, chunk =>
        {
            var sum = new double[k * k];
            var end = (int)((long)rows * (chunk + 1) / chunks);
            for (var r = (int)((long)rows * chunk / chunks); r < end; r++)
            {
                var y = factors.AsSpan(r * k, k);
                for (var a = 0; a < k; a++)
                {
                    double ya = y[a];
                    var target = sum.AsSpan(a * k, k);
                    for (var b = a; b < k; b++)
                    {
                        target[b] += ya * y[b];
                    }
                }
            }

            partial[chunk] = sum;
        });

        var gram = new float[k * k];
        for (var a = 0; a < k; a++)
        {
            for (var b = a; b < k; b++)
            {
                double s = 0;
                for (var chunk = 0; chunk < chunks; chunk++)
                {
                    s += partial[chunk][(a * k) + b];
                }

                gram[(a * k) + b] = (float)s;
                gram[(b * k) + a] = (float)s;
            }

            gram[(a * k) + a] += regularization;
        }

        return gram;
    }

    private static void MatVec(float[] matrix, ReadOnlySpan<float> vector, Span<float> result, int k)
    {
        for (var a = 0; a < k; a++)
        {
            result[a] = TensorPrimitives.Dot(matrix.AsSpan(a * k, k), vector);
        }
    }
}
