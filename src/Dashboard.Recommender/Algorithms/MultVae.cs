using System.Buffers;
using System.Numerics.Tensors;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Variational autoencoder with a multinomial likelihood for collaborative filtering (Mult-VAE, Liang,
/// Krishnan, Hoffman, Jebara 2018): a user's L2-normalised item set is encoded by a tanh layer into the
/// mean and log-variance of a Gaussian code z, decoded by a tanh layer into logits over every item, and
/// trained to maximise Σᵢ xᵢ log softmax(logits)ᵢ − β·KL(q(z|x) ‖ N(0, I)) with Adam. Scoring encodes the
/// user's training items without dropout and decodes the mean code. Written on flat arrays with
/// <see cref="TensorPrimitives"/>; each batch is split into a fixed number of chunks whose gradients are
/// summed in a fixed order, and every user's dropout and noise come from a generator seeded by the seed,
/// epoch and user, so the model depends on the seed only, never on the thread count.
/// </summary>
public sealed class MultVae : RecommenderBase<MultVaeOptions>
{
    public const string AlgorithmName = "mult-vae";

    /// <summary>Gradient chunks per batch: fixed, so the summation order does not follow the machine's cores.</summary>
    private const int Chunks = 2;

    private Layout _layout;
    private float[] _theta = [];
    private int[] _rowPtr = [];
    private int[] _rowItems = [];

    public MultVae()
        : base(new MultVaeOptions())
    {
    }

    public override string Name => AlgorithmName;

    protected override int FormatVersion => 1;

    public static MultVae Load(Stream stream) => Load(stream, new MultVae());

    protected override void FitCore(InteractionMatrix train, MultVaeOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var layout = _layout = new Layout(train.ItemCount, options.Hidden, options.Latent);
        _rowPtr = (int[])train.UserPtr.Clone();
        _rowItems = (int[])train.UserItems.Clone();
        var random = new Random(options.Seed);
        _theta = layout.Initialise(random);

        var users = new List<int>();
        for (var u = 0; u < train.UserCount; u++)
        {
            if (train.UserDegree(u) > 0)
            {
                users.Add(u);
            }
        }

        var order = users.ToArray();
        var batches = (order.Length + options.BatchSize - 1) / options.BatchSize;
        var totalSteps = Math.Max(1, options.Epochs * batches);
        var adamM = new float[_theta.Length];
        var adamV = new float[_theta.Length];
        var gradients = new float[Chunks][];
        var workspaces = new Workspace[Chunks];
        for (var c = 0; c < Chunks; c++)
        {
            gradients[c] = new float[_theta.Length];
            workspaces[c] = new Workspace(layout);
        }

        var step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            for (var b = 0; b < batches; b++)
            {
                var start = b * options.BatchSize;
                var count = Math.Min(options.BatchSize, order.Length - start);
                var beta = options.AnnealCap * Math.Min(1f, step / (0.8f * totalSteps));
                var e = epoch;
                Parallel.For(
                    0,
                    Chunks,
                    new ParallelOptions { CancellationToken = cancellationToken },
                    c =>
                    {
                        Array.Clear(gradients[c]);
                        var from = start + (c * count / Chunks);
                        var to = start + ((c + 1) * count / Chunks);
                        for (var k = from; k < to; k++)
                        {
                            var u = order[k];
                            TrainUser(u, options, beta, new Random(unchecked((options.Seed * 1_000_003) + (e * 7_919) + u)), gradients[c], workspaces[c]);
                        }
                    });

                for (var c = 1; c < Chunks; c++)
                {
                    TensorPrimitives.Add(gradients[0], gradients[c], gradients[0]);
                }

                step++;
                Adam(gradients[0], adamM, adamV, options.LearningRate, 1f / count, step);
            }

            progress?.Report((epoch + 1.0) / options.Epochs);
        }
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var all = ArrayPool<float>.Shared.Rent(ItemCount);
        try
        {
            ScoreAll(user, all.AsSpan(0, ItemCount));
            for (var c = 0; c < candidates.Length; c++)
            {
                scores[c] = IsKnownItem(candidates[c]) ? all[candidates[c]] : float.NaN;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(all);
        }
    }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        var l = _layout;
        var items = _rowItems.AsSpan(_rowPtr[user], _rowPtr[user + 1] - _rowPtr[user]);
        var h = new float[l.Hidden];
        var mu = new float[l.Latent];
        var g = new float[l.Hidden];
        Encode(items, items.Length == 0 ? 0 : 1f / MathF.Sqrt(items.Length), null, h);
        for (var d = 0; d < l.Latent; d++)
        {
            mu[d] = TensorPrimitives.Dot(Row(l.WMu, d, l.Hidden), h) + _theta[l.BMu + d];
        }

        Decode(mu, g, scores);
    }

    private protected override void ForgetUserCore(int user)
    {
        var (ptr, items, _) = UserRows.WithoutRow(_rowPtr, _rowItems, new float[_rowItems.Length], user);
        (_rowPtr, _rowItems) = (ptr, items);
    }

    protected override void SaveCore(BinaryWriter writer)
    {
        writer.Write(_layout.Hidden);
        writer.Write(_layout.Latent);
        ModelFormat.WriteArray(writer, _theta);
        ModelFormat.WriteArray(writer, _rowPtr);
        ModelFormat.WriteArray(writer, _rowItems);
    }

    protected override void LoadCore(BinaryReader reader)
    {
        _layout = new Layout(ItemCount, reader.ReadInt32(), reader.ReadInt32());
        _theta = ModelFormat.ReadFloats(reader);
        _rowPtr = ModelFormat.ReadInts(reader);
        _rowItems = ModelFormat.ReadInts(reader);
        if (_theta.Length != _layout.Size || _rowPtr.Length != UserCount + 1 || _rowItems.Length != _rowPtr[^1])
        {
            throw new InvalidDataException("Corrupt mult-vae model: parameter or history sizes do not match.");
        }
    }

    /// <summary>h = tanh(b₁ + Σ kept xᵢ W₁[i]), each kept input scaled by <paramref name="scale"/>; null <paramref name="kept"/> keeps all.</summary>
    private void Encode(ReadOnlySpan<int> items, float scale, bool[]? kept, Span<float> h)
    {
        var l = _layout;
        _theta.AsSpan(l.B1, l.Hidden).CopyTo(h);
        for (var e = 0; e < items.Length; e++)
        {
            if (kept is null || kept[e])
            {
                TensorPrimitives.MultiplyAdd(Row(Layout.W1, items[e], l.Hidden), scale, h, h);
            }
        }

        TensorPrimitives.Tanh(h, h);
    }

    /// <summary>g = tanh(W₃ z + b₃), logits = W₄ g + b₄.</summary>
    private void Decode(ReadOnlySpan<float> z, Span<float> g, Span<float> logits)
    {
        var l = _layout;
        for (var j = 0; j < l.Hidden; j++)
        {
            g[j] = TensorPrimitives.Dot(Row(l.W3, j, l.Latent), z) + _theta[l.B3 + j];
        }

        TensorPrimitives.Tanh(g, g);
        for (var i = 0; i < l.Items; i++)
        {
            logits[i] = TensorPrimitives.Dot(Row(l.W4, i, l.Hidden), g) + _theta[l.B4 + i];
        }
    }

    /// <summary>Adds one user's gradient of the negative ELBO (multinomial log-likelihood plus β·KL) to <paramref name="grad"/>.</summary>
    private void TrainUser(int user, MultVaeOptions options, float beta, Random random, float[] grad, Workspace w)
    {
        var l = _layout;
        var items = _rowItems.AsSpan(_rowPtr[user], _rowPtr[user + 1] - _rowPtr[user]);
        var keep = 1f - options.Dropout;
        var kept = w.Kept(items.Length);
        for (var e = 0; e < items.Length; e++)
        {
            kept[e] = random.NextSingle() < keep;
        }

        // Normalise, then drop out and rescale by 1/keep, as Liang et al. do.
        var scale = 1f / (MathF.Sqrt(items.Length) * keep);
        Encode(items, scale, kept, w.H);
        for (var d = 0; d < l.Latent; d++)
        {
            w.Mu[d] = TensorPrimitives.Dot(Row(l.WMu, d, l.Hidden), w.H) + _theta[l.BMu + d];
            w.LogVar[d] = TensorPrimitives.Dot(Row(l.WLogVar, d, l.Hidden), w.H) + _theta[l.BLogVar + d];
            w.Std[d] = MathF.Exp(0.5f * w.LogVar[d]);
            w.Eps[d] = (float)Gaussian(random);
            w.Z[d] = w.Mu[d] + (w.Eps[d] * w.Std[d]);
        }

        Decode(w.Z, w.G, w.Logits);

        // d(−Σ xᵢ log softmaxᵢ)/d logits = n·softmax − x, with n the number of the user's items.
        var max = TensorPrimitives.Max(w.Logits);
        TensorPrimitives.Subtract(w.Logits, max, w.Logits);
        TensorPrimitives.Exp(w.Logits, w.Logits);
        var n = (float)items.Length;
        TensorPrimitives.Multiply(w.Logits, n / TensorPrimitives.Sum(w.Logits), w.Logits);
        foreach (var i in items)
        {
            w.Logits[i] -= 1f;
        }

        var dLogits = w.Logits;
        TensorPrimitives.Add(grad.AsSpan(l.B4, l.Items), dLogits, grad.AsSpan(l.B4, l.Items));
        w.DG.AsSpan().Clear();
        for (var i = 0; i < l.Items; i++)
        {
            var di = dLogits[i];
            TensorPrimitives.MultiplyAdd(w.G, di, Row(grad, l.W4, i, l.Hidden), Row(grad, l.W4, i, l.Hidden));
            TensorPrimitives.MultiplyAdd(Row(l.W4, i, l.Hidden), di, w.DG, w.DG);
        }

        // Through g = tanh(a₃).
        w.DZ.AsSpan().Clear();
        for (var j = 0; j < l.Hidden; j++)
        {
            var da = w.DG[j] * (1f - (w.G[j] * w.G[j]));
            grad[l.B3 + j] += da;
            TensorPrimitives.MultiplyAdd(w.Z, da, Row(grad, l.W3, j, l.Latent), Row(grad, l.W3, j, l.Latent));
            TensorPrimitives.MultiplyAdd(Row(l.W3, j, l.Latent), da, w.DZ, w.DZ);
        }

        // Reparameterisation z = μ + ε·exp(lv/2) and KL = ½ Σ (exp(lv) + μ² − 1 − lv).
        w.DH.AsSpan().Clear();
        for (var d = 0; d < l.Latent; d++)
        {
            var dMu = w.DZ[d] + (beta * w.Mu[d]);
            var dLogVar = (w.DZ[d] * w.Eps[d] * 0.5f * w.Std[d]) + (beta * 0.5f * ((w.Std[d] * w.Std[d]) - 1f));
            grad[l.BMu + d] += dMu;
            grad[l.BLogVar + d] += dLogVar;
            TensorPrimitives.MultiplyAdd(w.H, dMu, Row(grad, l.WMu, d, l.Hidden), Row(grad, l.WMu, d, l.Hidden));
            TensorPrimitives.MultiplyAdd(w.H, dLogVar, Row(grad, l.WLogVar, d, l.Hidden), Row(grad, l.WLogVar, d, l.Hidden));
            TensorPrimitives.MultiplyAdd(Row(l.WMu, d, l.Hidden), dMu, w.DH, w.DH);
            TensorPrimitives.MultiplyAdd(Row(l.WLogVar, d, l.Hidden), dLogVar, w.DH, w.DH);
        }

        // Through h = tanh(a₁); only the kept input rows of W₁ receive a gradient.
        for (var j = 0; j < l.Hidden; j++)
        {
            w.DH[j] *= 1f - (w.H[j] * w.H[j]);
        }

        TensorPrimitives.Add(grad.AsSpan(l.B1, l.Hidden), w.DH, grad.AsSpan(l.B1, l.Hidden));
        for (var e = 0; e < items.Length; e++)
        {
            if (kept[e])
            {
                TensorPrimitives.MultiplyAdd(w.DH, scale, Row(grad, Layout.W1, items[e], l.Hidden), Row(grad, Layout.W1, items[e], l.Hidden));
            }
        }
    }

    /// <summary>One Adam step (Kingma and Ba 2015) on the batch gradient scaled to a per-user mean.</summary>
    private void Adam(float[] grad, float[] m, float[] v, float learningRate, float scale, int step)
    {
        const float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
        var correction1 = 1f - MathF.Pow(beta1, step);
        var correction2 = 1f - MathF.Pow(beta2, step);
        var rate = learningRate * MathF.Sqrt(correction2) / correction1;
        for (var p = 0; p < _theta.Length; p++)
        {
            var gp = grad[p] * scale;
            m[p] = (beta1 * m[p]) + ((1 - beta1) * gp);
            v[p] = (beta2 * v[p]) + ((1 - beta2) * gp * gp);
            _theta[p] -= rate * m[p] / (MathF.Sqrt(v[p]) + epsilon);
        }
    }

    private ReadOnlySpan<float> Row(int offset, int row, int width) => _theta.AsSpan(offset + (row * width), width);

    private static Span<float> Row(float[] values, int offset, int row, int width) => values.AsSpan(offset + (row * width), width);

    private static double Gaussian(Random random)
    {
        // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Offsets of each weight matrix and bias in the one flat parameter array (rows are contiguous).</summary>
    private readonly record struct Layout(int Items, int Hidden, int Latent)
    {
        public const int W1 = 0;

        public int B1 => W1 + (Items * Hidden);

        public int WMu => B1 + Hidden;

        public int BMu => WMu + (Latent * Hidden);

        public int WLogVar => BMu + Latent;

        public int BLogVar => WLogVar + (Latent * Hidden);

        public int W3 => BLogVar + Latent;

        public int B3 => W3 + (Hidden * Latent);

        public int W4 => B3 + Hidden;

        public int B4 => W4 + (Items * Hidden);

        public int Size => B4 + Items;

        /// <summary>Glorot-normal weights, zero biases.</summary>
        public float[] Initialise(Random random)
        {
            var theta = new float[Size];
            Fill(theta, W1, Items * Hidden, Items, Hidden, random);
            Fill(theta, WMu, Latent * Hidden, Hidden, Latent, random);
            Fill(theta, WLogVar, Latent * Hidden, Hidden, Latent, random);
            Fill(theta, W3, Hidden * Latent, Latent, Hidden, random);
            Fill(theta, W4, Items * Hidden, Hidden, Items, random);
            return theta;
        }

        private static void Fill(float[] theta, int offset, int length, int fanIn, int fanOut, Random random)
        {
            var std = Math.Sqrt(2.0 / (fanIn + fanOut));
            for (var p = 0; p < length; p++)
            {
                theta[offset + p] = (float)(std * Gaussian(random));
            }
        }
    }

    /// <summary>One chunk's activations and their gradients, reused across the chunk's users.</summary>
    private sealed class Workspace(Layout layout)
    {
        private bool[] _kept = new bool[16];

        public float[] H { get; } = new float[layout.Hidden];

        public float[] Mu { get; } = new float[layout.Latent];

        public float[] LogVar { get; } = new float[layout.Latent];

        public float[] Std { get; } = new float[layout.Latent];

        public float[] Eps { get; } = new float[layout.Latent];

        public float[] Z { get; } = new float[layout.Latent];

        public float[] G { get; } = new float[layout.Hidden];

        public float[] Logits { get; } = new float[layout.Items];

        public float[] DG { get; } = new float[layout.Hidden];

        public float[] DZ { get; } = new float[layout.Latent];

        public float[] DH { get; } = new float[layout.Hidden];

        public bool[] Kept(int length)
        {
            if (_kept.Length < length)
            {
                _kept = new bool[length];
            }

            return _kept;
        }
    }
}
