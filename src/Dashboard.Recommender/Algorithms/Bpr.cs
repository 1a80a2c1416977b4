using System.Numerics.Tensors;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Bayesian personalised ranking (Rendle, Freudenthaler, Gantner, Schmidt-Thieme 2009): maximise
/// Σ ln σ(x̂_ui − x̂_uj) − λ‖Θ‖² over triples of a user, an item the user interacted with and one the
/// user did not, with x̂_ui = b_i + p_u·q_i, by LearnBPR — stochastic gradient ascent on triples drawn
/// with replacement (the positive pair uniformly from the interactions, the negative item uniformly
/// from the user's unseen items). The draws and updates run on one thread in a fixed order, so a seed
/// gives the same model on any machine; the cost is that BPR does not use the second core.
/// </summary>
public sealed class Bpr : RecommenderBase<BprOptions>
{
    public const string AlgorithmName = "bpr";

    private float[] _userFactors = [];
    private float[] _itemFactors = [];
    private float[] _itemBias = [];
    private int _factors;

    public Bpr()
        : base(new BprOptions())
    {
    }

    public override string Name => AlgorithmName;

    protected override int FormatVersion => 1;

    public static Bpr Load(Stream stream) => Load(stream, new Bpr());

    protected override void FitCore(InteractionMatrix train, BprOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var k = _factors = options.Factors;
        var random = new Random(options.Seed);
        _userFactors = FactorRows.NormalFactors(train.UserCount, k, k, options.InitialStdDev, random);
        _itemFactors = FactorRows.NormalFactors(train.ItemCount, k, k, options.InitialStdDev, random);
        _itemBias = new float[train.ItemCount];
        var interactions = train.NonZeroCount;
        if (interactions == 0 || train.ItemCount < 2)
        {
            return;
        }

        // Owner of each stored interaction, so a uniform draw over interactions yields its user directly.
        var userOf = new int[interactions];
        for (var u = 0; u < train.UserCount; u++)
        {
            userOf.AsSpan(train.UserPtr[u], train.UserDegree(u)).Fill(u);
        }

        var gradient = new float[k];
        var lr = options.LearningRate;
        var reg = options.Regularization;
        var biasReg = options.BiasRegularization;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var step = 0; step < interactions; step++)
            {
                var at = random.Next(interactions);
                var u = userOf[at];
                if (train.UserDegree(u) >= train.ItemCount)
                {
                    continue;
                }

                var i = train.UserItems[at];
                int j;
                do
                {
                    j = random.Next(train.ItemCount);
                }
                while (train.Contains(u, j));

                var p = _userFactors.AsSpan(u * k, k);
                var qi = _itemFactors.AsSpan(i * k, k);
                var qj = _itemFactors.AsSpan(j * k, k);
                var difference = _itemBias[i] - _itemBias[j] + TensorPrimitives.Dot(p, qi) - TensorPrimitives.Dot(p, qj);

                // d ln σ(x) / dx = σ(−x) = 1 / (1 + eˣ).
                var weight = 1f / (1f + MathF.Exp(difference));
                _itemBias[i] += lr * (weight - (biasReg * _itemBias[i]));
                _itemBias[j] += lr * (-weight - (biasReg * _itemBias[j]));

                // p's step uses q_i − q_j from before this triple's item updates, as in LearnBPR.
                TensorPrimitives.Subtract(qi, qj, gradient);
                for (var f = 0; f < k; f++)
                {
                    var pf = p[f];
                    p[f] += lr * ((weight * gradient[f]) - (reg * pf));
                    qi[f] += lr * ((weight * pf) - (reg * qi[f]));
                    qj[f] += lr * ((-weight * pf) - (reg * qj[f]));
                }
            }

            progress?.Report((epoch + 1.0) / options.Epochs);
        }
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var p = _userFactors.AsSpan(user * _factors, _factors);
        for (var c = 0; c < candidates.Length; c++)
        {
            var i = candidates[c];
            scores[c] = IsKnownItem(i) ? _itemBias[i] + TensorPrimitives.Dot(p, _itemFactors.AsSpan(i * _factors, _factors)) : float.NaN;
        }
    }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        var p = _userFactors.AsSpan(user * _factors, _factors);
        for (var i = 0; i < ItemCount; i++)
        {
            scores[i] = _itemBias[i] + TensorPrimitives.Dot(p, _itemFactors.AsSpan(i * _factors, _factors));
        }
    }

    private protected override void ForgetUserCore(int user) => UserRows.Clear(_userFactors, user, _factors);

    protected override void SaveCore(BinaryWriter writer)
    {
        writer.Write(_factors);
        ModelFormat.WriteArray(writer, _userFactors);
        ModelFormat.WriteArray(writer, _itemFactors);
        ModelFormat.WriteArray(writer, _itemBias);
    }

    protected override void LoadCore(BinaryReader reader)
    {
        _factors = reader.ReadInt32();
        _userFactors = ModelFormat.ReadFloats(reader);
        _itemFactors = ModelFormat.ReadFloats(reader);
        _itemBias = ModelFormat.ReadFloats(reader);
        if (_userFactors.Length != UserCount * _factors || _itemFactors.Length != ItemCount * _factors || _itemBias.Length != ItemCount)
        {
            throw new InvalidDataException("Corrupt bpr model: factor or bias sizes do not match.");
        }
    }
}
