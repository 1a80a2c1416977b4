using System.Buffers;
using System.Numerics;
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
                        TrainChunk(order.AsSpan(from, to - from), options, beta, e, gradients[c], workspaces[c]);
                    });

                step++;
                Adam(gradients, adamM, adamV, options.LearningRate, 1f / count, step, cancellationToken);
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
        Encode(items, items.Length == 0 ? 0 : 1f / MathF.Sqrt(items.Length), [], h);
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

    /// <summary>h = tanh(b₁ + Σ kept xᵢ W₁[i]), each kept input scaled by <paramref name="scale"/>; an empty <paramref name="kept"/> keeps all.</summary>
    private void Encode(ReadOnlySpan<int> items, float scale, ReadOnlySpan<bool> kept, Span<float> h)
    {
        var l = _layout;
        _theta.AsSpan(l.B1, l.Hidden).CopyTo(h);
        for (var e = 0; e < items.Length; e++)
        {
            if (kept.IsEmpty || kept[e])
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

    /// <summary>
    /// Adds the gradient of the negative ELBO (multinomial log-likelihood plus β·KL) of <paramref name="users"/>
    /// to <paramref name="grad"/>. The encoder and the code are per user (the input is sparse); the decoder's
    /// output layer, which dominates the cost, runs item by item over the whole chunk, so each row of W₄ and
    /// of its gradient is read once per chunk rather than once per user.
    /// </summary>
    private void TrainChunk(ReadOnlySpan<int> users, MultVaeOptions options, float beta, int epoch, float[] grad, Workspace w)
    {
        var l = _layout;
        var count = users.Length;
        var keep = 1f - options.Dropout;
        w.Reserve(count, _rowPtr, users);
        for (var b = 0; b < count; b++)
        {
            var u = users[b];
            var random = new Random(unchecked((options.Seed * 1_000_003) + (epoch * 7_919) + u));
            var items = Items(u);
            var kept = w.KeptOf(b, items.Length);
            for (var e = 0; e < items.Length; e++)
            {
                kept[e] = random.NextSingle() < keep;
            }

            // Normalise, then drop out and rescale by 1/keep, as Liang et al. do.
            w.Scale[b] = 1f / (MathF.Sqrt(items.Length) * keep);
            var h = Row(w.H, 0, b, l.Hidden);
            Encode(items, w.Scale[b], kept, h);
            for (var d = 0; d < l.Latent; d++)
            {
                var at = (b * l.Latent) + d;
                w.Mu[at] = TensorPrimitives.Dot(Row(l.WMu, d, l.Hidden), h) + _theta[l.BMu + d];
                var logVar = TensorPrimitives.Dot(Row(l.WLogVar, d, l.Hidden), h) + _theta[l.BLogVar + d];
                w.Std[at] = MathF.Exp(0.5f * logVar);
                w.Eps[at] = (float)NormalDraw.Next(random);
                w.Z[at] = w.Mu[at] + (w.Eps[at] * w.Std[at]);
            }

            var g = Row(w.G, 0, b, l.Hidden);
            for (var j = 0; j < l.Hidden; j++)
            {
                g[j] = TensorPrimitives.Dot(Row(l.W3, j, l.Latent), Row(w.Z, 0, b, l.Latent)) + _theta[l.B3 + j];
            }

            TensorPrimitives.Tanh(g, g);
        }

        var column = w.Column.AsSpan(0, count);
        var activations = w.G.AsSpan(0, count * l.Hidden);
        var next = w.NextColumn.AsSpan(0, count);
        var item = 0;
        for (; item + 2 <= l.Items; item += 2)
        {
            BatchKernels.DotRowsPair(Row(l.W4, item, l.Hidden), Row(l.W4, item + 1, l.Hidden), activations, count, column, next);
            Scatter(column, _theta[l.B4 + item], w.Logits, item, l.Items);
            Scatter(next, _theta[l.B4 + item + 1], w.Logits, item + 1, l.Items);
        }

        if (item < l.Items)
        {
            BatchKernels.DotRows(Row(l.W4, item, l.Hidden), activations, count, column);
            Scatter(column, _theta[l.B4 + item], w.Logits, item, l.Items);
        }

        // d(−Σ xᵢ log softmaxᵢ)/d logits = n·softmax − x, with n the number of the user's items.
        for (var b = 0; b < count; b++)
        {
            var logits = Row(w.Logits, 0, b, l.Items);
            var max = TensorPrimitives.Max(logits);
            TensorPrimitives.Subtract(logits, max, logits);
            TensorPrimitives.Exp(logits, logits);
            var items = Items(users[b]);
            TensorPrimitives.Multiply(logits, items.Length / TensorPrimitives.Sum(logits), logits);
            foreach (var i in items)
            {
                logits[i] -= 1f;
            }
        }

        var activationGradients = w.DG.AsSpan(0, count * l.Hidden);
        activationGradients.Clear();
        for (item = 0; item + 2 <= l.Items; item += 2)
        {
            grad[l.B4 + item] += Gather(w.Logits, item, l.Items, column);
            grad[l.B4 + item + 1] += Gather(w.Logits, item + 1, l.Items, next);
            BatchKernels.OuterUpdatePair(
                Row(l.W4, item, l.Hidden),
                Row(l.W4, item + 1, l.Hidden),
                column,
                next,
                activations,
                Row(grad, l.W4, item, l.Hidden),
                Row(grad, l.W4, item + 1, l.Hidden),
                activationGradients);
        }

        if (item < l.Items)
        {
            grad[l.B4 + item] += Gather(w.Logits, item, l.Items, column);
            BatchKernels.OuterUpdate(Row(l.W4, item, l.Hidden), column, activations, Row(grad, l.W4, item, l.Hidden), activationGradients);
        }

        for (var b = 0; b < count; b++)
        {
            BackwardEncoder(Items(users[b]), w.KeptOf(b, Items(users[b]).Length), b, beta, grad, w);
        }
    }

    /// <summary>Back-propagates one user's decoder-input gradient through the code and the encoder.</summary>
    private void BackwardEncoder(ReadOnlySpan<int> items, ReadOnlySpan<bool> kept, int b, float beta, float[] grad, Workspace w)
    {
        var l = _layout;
        var g = Row(w.G, 0, b, l.Hidden);
        var dg = Row(w.DG, 0, b, l.Hidden);
        var z = Row(w.Z, 0, b, l.Latent);
        var h = Row(w.H, 0, b, l.Hidden);

        // Through g = tanh(a₃).
        w.DZ.AsSpan().Clear();
        for (var j = 0; j < l.Hidden; j++)
        {
            var da = dg[j] * (1f - (g[j] * g[j]));
            grad[l.B3 + j] += da;
            TensorPrimitives.MultiplyAdd(z, da, Row(grad, l.W3, j, l.Latent), Row(grad, l.W3, j, l.Latent));
            TensorPrimitives.MultiplyAdd(Row(l.W3, j, l.Latent), da, w.DZ, w.DZ);
        }

        // Reparameterisation z = μ + ε·exp(lv/2) and KL = ½ Σ (exp(lv) + μ² − 1 − lv).
        w.DH.AsSpan().Clear();
        for (var d = 0; d < l.Latent; d++)
        {
            var at = (b * l.Latent) + d;
            var std = w.Std[at];
            var dMu = w.DZ[d] + (beta * w.Mu[at]);
            var dLogVar = (w.DZ[d] * w.Eps[at] * 0.5f * std) + (beta * 0.5f * ((std * std) - 1f));
            grad[l.BMu + d] += dMu;
            grad[l.BLogVar + d] += dLogVar;
            TensorPrimitives.MultiplyAdd(h, dMu, Row(grad, l.WMu, d, l.Hidden), Row(grad, l.WMu, d, l.Hidden));
            TensorPrimitives.MultiplyAdd(h, dLogVar, Row(grad, l.WLogVar, d, l.Hidden), Row(grad, l.WLogVar, d, l.Hidden));
            TensorPrimitives.MultiplyAdd(Row(l.WMu, d, l.Hidden), dMu, w.DH, w.DH);
            TensorPrimitives.MultiplyAdd(Row(l.WLogVar, d, l.Hidden), dLogVar, w.DH, w.DH);
        }

        // Through h = tanh(a₁); only the kept input rows of W₁ receive a gradient.
        for (var j = 0; j < l.Hidden; j++)
        {
            w.DH[j] *= 1f - (h[j] * h[j]);
        }

        TensorPrimitives.Add(grad.AsSpan(l.B1, l.Hidden), w.DH, grad.AsSpan(l.B1, l.Hidden));
        var scale = w.Scale[b];
        for (var e = 0; e < items.Length; e++)
        {
            if (kept[e])
            {
                TensorPrimitives.MultiplyAdd(w.DH, scale, Row(grad, Layout.W1, items[e], l.Hidden), Row(grad, Layout.W1, items[e], l.Hidden));
            }
        }
    }

    /// <summary>Writes <paramref name="column"/> plus <paramref name="bias"/> into column <paramref name="item"/> of the chunk's row-major logits.</summary>
    private static void Scatter(ReadOnlySpan<float> column, float bias, float[] logits, int item, int items)
    {
        for (var b = 0; b < column.Length; b++)
        {
            logits[(b * items) + item] = column[b] + bias;
        }
    }

    /// <summary>Copies column <paramref name="item"/> of the chunk's row-major logit gradients into <paramref name="column"/> and returns its sum.</summary>
    private static float Gather(float[] logits, int item, int items, Span<float> column)
    {
        var sum = 0f;
        for (var b = 0; b < column.Length; b++)
        {
            column[b] = logits[(b * items) + item];
            sum += column[b];
        }

        return sum;
    }

    private ReadOnlySpan<int> Items(int user) => _rowItems.AsSpan(_rowPtr[user], _rowPtr[user + 1] - _rowPtr[user]);

    /// <summary>
    /// One Adam step (Kingma and Ba 2015) on the sum of the chunks' gradients scaled to a per-user mean. It is
    /// element-wise, so fixed slices of the parameters run in parallel without changing any result.
    /// </summary>
    private void Adam(float[][] gradients, float[] m, float[] v, float learningRate, float scale, int step, CancellationToken cancellationToken)
    {
        const int slice = 1 << 14;
        const float beta1 = 0.9f;
        const float beta2 = 0.999f;
        var correction1 = 1f - MathF.Pow(beta1, step);
        var correction2 = 1f - MathF.Pow(beta2, step);
        var rate = learningRate * MathF.Sqrt(correction2) / correction1;
        var slices = (_theta.Length + slice - 1) / slice;
        Parallel.For(
            0,
            slices,
            new ParallelOptions { CancellationToken = cancellationToken },
            s =>
            {
                var from = s * slice;
                var length = Math.Min(slice, _theta.Length - from);
                var grad = gradients[0].AsSpan(from, length);
                for (var c = 1; c < gradients.Length; c++)
                {
                    TensorPrimitives.Add(grad, gradients[c].AsSpan(from, length), grad);
                }

                TensorPrimitives.Multiply(grad, scale, grad);
                AdamSlice(grad, m.AsSpan(from, length), v.AsSpan(from, length), _theta.AsSpan(from, length), rate);
            });
    }

    private static void AdamSlice(ReadOnlySpan<float> grad, Span<float> m, Span<float> v, Span<float> theta, float rate)
    {
        const float beta1 = 0.9f;
        const float beta2 = 0.999f;
        const float epsilon = 1e-8f;
        var p = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; p <= grad.Length - Vector<float>.Count; p += Vector<float>.Count)
            {
                var g = new Vector<float>(grad[p..]);
                var mp = (new Vector<float>(m[p..]) * beta1) + (g * (1 - beta1));
                var vp = (new Vector<float>(v[p..]) * beta2) + (g * g * (1 - beta2));
                var tp = new Vector<float>(theta[p..]) - (rate * mp / (Vector.SquareRoot(vp) + new Vector<float>(epsilon)));
                mp.CopyTo(m[p..]);
                vp.CopyTo(v[p..]);
                tp.CopyTo(theta[p..]);
            }
        }

        for (; p < grad.Length; p++)
        {
            var g = grad[p];
            m[p] = (beta1 * m[p]) + ((1 - beta1) * g);
            v[p] = (beta2 * v[p]) + ((1 - beta2) * g * g);
            theta[p] -= rate * m[p] / (MathF.Sqrt(v[p]) + epsilon);
        }
    }

    private ReadOnlySpan<float> Row(int offset, int row, int width) => _theta.AsSpan(offset + (row * width), width);

    private static Span<float> Row(float[] values, int offset, int row, int width) => values.AsSpan(offset + (row * width), width);

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
                theta[offset + p] = (float)(std * NormalDraw.Next(random));
            }
        }
    }

    /// <summary>One chunk's activations and their gradients, one row per user of the chunk, reused across batches.</summary>
    private sealed class Workspace(Layout layout)
    {
        private readonly Layout _layout = layout;
        private bool[] _kept = [];
        private int[] _keptStart = [];

        public float[] H { get; private set; } = [];

        public float[] Mu { get; private set; } = [];

        public float[] Std { get; private set; } = [];

        public float[] Eps { get; private set; } = [];

        public float[] Z { get; private set; } = [];

        public float[] G { get; private set; } = [];

        public float[] Logits { get; private set; } = [];

        public float[] DG { get; private set; } = [];

        public float[] Scale { get; private set; } = [];

        /// <summary>One value per user of the chunk for the item being processed: a logit, then its gradient.</summary>
        public float[] Column { get; private set; } = [];

        /// <summary>The next item's column, for the kernels that take two items at once.</summary>
        public float[] NextColumn { get; private set; } = [];

        public float[] DZ { get; } = new float[layout.Latent];

        public float[] DH { get; } = new float[layout.Hidden];

        /// <summary>Sizes the per-user rows for <paramref name="users"/>, growing the arrays only when a chunk is larger than any before.</summary>
        public void Reserve(int count, int[] rowPtr, ReadOnlySpan<int> users)
        {
            if (Scale.Length < count)
            {
                H = new float[count * _layout.Hidden];
                Mu = new float[count * _layout.Latent];
                Std = new float[count * _layout.Latent];
                Eps = new float[count * _layout.Latent];
                Z = new float[count * _layout.Latent];
                G = new float[count * _layout.Hidden];
                Logits = new float[count * _layout.Items];
                DG = new float[count * _layout.Hidden];
                Scale = new float[count];
                Column = new float[count];
                NextColumn = new float[count];
                _keptStart = new int[count];
            }

            var total = 0;
            for (var b = 0; b < count; b++)
            {
                _keptStart[b] = total;
                total += rowPtr[users[b] + 1] - rowPtr[users[b]];
            }

            if (_kept.Length < total)
            {
                _kept = new bool[total];
            }
        }

        public Span<bool> KeptOf(int b, int length) => _kept.AsSpan(_keptStart[b], length);
    }
}
