using System.Numerics;
using System.Numerics.Tensors;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// What <see cref="BiasedMf"/> and <see cref="SvdPlusPlus"/> share: the fitted form
/// r̂_ui = μ + b_u + b_i + x_u·q_i (x_u the stored user vector), clamped to the training range; the
/// initialisation (μ, range, zero biases, normal factors, then the <see cref="RatingGrid"/>, drawn from one
/// seeded <see cref="Random"/> in that order); the parallel DSGD epoch loop; and the saved layout.
/// A model supplies its per-rating step as a struct (<see cref="IRatingVisitor"/>), so the inner loop is
/// specialised for it and inlined rather than dispatched per rating, plus whatever it does between epochs.
/// Factors are stored row-major and padded to a multiple of the SIMD width so the update loops run on
/// whole vectors; the padding stays exactly zero.
/// </summary>
public abstract class SgdFactorModel<TOptions> : RecommenderBase<TOptions>
    where TOptions : SgdFactorOptions, new()
{
    private float _min;
    private float _max;

    private protected SgdFactorModel()
        : base(new TOptions())
    {
    }

    protected override int FormatVersion => 1;

    /// <summary>x_u per user, <see cref="Stride"/> floats each.</summary>
    private protected float[] UserVectors { get; private set; } = [];

    /// <summary>q_i per item, <see cref="Stride"/> floats each.</summary>
    private protected float[] ItemFactors { get; private set; } = [];

    private protected float[] UserBias { get; private set; } = [];

    private protected float[] ItemBias { get; private set; } = [];

    private protected float Mean { get; private set; }

    private protected int Stride { get; private set; }

    /// <summary>Initialises the shared parameters, then lets the model train them.</summary>
    protected sealed override void FitCore(
        InteractionMatrix train, TOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var grid = Initialise(train, options);
        Train(train, grid, options, progress, cancellationToken);
    }

    /// <summary>
    /// The model's training from the initialised parameters, typically one <see cref="RunEpochs"/> with its
    /// own step; on return the parameters are the fitted model.
    /// </summary>
    private protected abstract void Train(
        InteractionMatrix train, RatingGrid grid, TOptions options, IProgress<double>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Sets μ, the clamp range, zero biases and the initial factors, and returns the rating grid of the
    /// DSGD passes; all random draws come from <see cref="SgdFactorOptions.Seed"/>.
    /// </summary>
    private RatingGrid Initialise(InteractionMatrix train, TOptions options)
    {
        options.Validate();
        Stride = FactorRows.PaddedLength(options.Factors);
        Mean = (float)train.GlobalMean();
        (_min, _max) = FactorRows.Range(train.UserValues);
        UserBias = new float[train.UserCount];
        ItemBias = new float[train.ItemCount];
        var random = new Random(options.Seed);
        UserVectors = FactorRows.NormalFactors(train.UserCount, options.Factors, Stride, options.InitialStdDev, random);
        ItemFactors = FactorRows.NormalFactors(train.ItemCount, options.Factors, Stride, options.InitialStdDev, random);
        return RatingGrid.Build(train, options.Strata, random);
    }

    /// <summary>
    /// The epochs: each runs the Strata diagonals of the grid one after another, the blocks of a diagonal
    /// in parallel, each block with a fresh step from <paramref name="stepAt"/>(this epoch's learning rate).
    /// <paramref name="beforeEpoch"/> and <paramref name="afterEpoch"/> (given the epoch's learning rate)
    /// run between the passes; the learning rate decays after each epoch.
    /// </summary>
    private protected static void RunEpochs<TStep>(
        RatingGrid grid,
        TOptions options,
        Func<float, TStep> stepAt,
        Action? beforeEpoch,
        Action<float>? afterEpoch,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
        where TStep : struct, IRatingVisitor
    {
        var strata = options.Strata;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        var lr = options.LearningRate;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            beforeEpoch?.Invoke();
            for (var shift = 0; shift < strata; shift++)
            {
                var epochIndex = epoch;
                var learningRate = lr;
                Parallel.For(0, strata, parallel, userGroup =>
                {
                    var block = (userGroup * strata) + ((userGroup + shift) % strata);
                    var step = stepAt(learningRate);
                    grid.ForEach(block, options.Seed, epochIndex, ref step);
                });
            }

            afterEpoch?.Invoke(lr);
            lr *= options.LearningRateDecay;
            progress?.Report((epoch + 1.0) / options.Epochs);
        }
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var x = UserVectors.AsSpan(user * Stride, Stride);
        var userPart = Mean + UserBias[user];
        for (var c = 0; c < candidates.Length; c++)
        {
            var i = candidates[c];
            scores[c] = IsKnownItem(i) ? Clamp(userPart + ItemBias[i] + TensorPrimitives.Dot(x, ItemFactors.AsSpan(i * Stride, Stride))) : float.NaN;
        }
    }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        var x = UserVectors.AsSpan(user * Stride, Stride);
        var userPart = Mean + UserBias[user];
        for (var i = 0; i < ItemCount; i++)
        {
            scores[i] = Clamp(userPart + ItemBias[i] + TensorPrimitives.Dot(x, ItemFactors.AsSpan(i * Stride, Stride)));
        }
    }

    private protected override void ForgetUserCore(int user)
    {
        UserRows.Clear(UserBias, user, 1);
        UserRows.Clear(UserVectors, user, Stride);
    }

    protected override void SaveCore(BinaryWriter writer)
    {
        writer.Write(Stride);
        writer.Write(Mean);
        writer.Write(_min);
        writer.Write(_max);
        ModelFormat.WriteArray(writer, UserBias);
        ModelFormat.WriteArray(writer, ItemBias);
        ModelFormat.WriteArray(writer, UserVectors);
        ModelFormat.WriteArray(writer, ItemFactors);
    }

    protected override void LoadCore(BinaryReader reader)
    {
        Stride = reader.ReadInt32();
        Mean = reader.ReadSingle();
        _min = reader.ReadSingle();
        _max = reader.ReadSingle();
        UserBias = ModelFormat.ReadFloats(reader);
        ItemBias = ModelFormat.ReadFloats(reader);
        UserVectors = ModelFormat.ReadFloats(reader);
        ItemFactors = ModelFormat.ReadFloats(reader);
        if (UserVectors.Length != UserBias.Length * Stride || ItemFactors.Length != ItemBias.Length * Stride)
        {
            throw new InvalidDataException($"Corrupt {Name} model: factor matrix sizes do not match.");
        }
    }

    private float Clamp(float value) => Options.ClampToTrainingRange ? Math.Clamp(value, _min, _max) : value;
}
