using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Rating predictor b_ui = μ + b_u + b_i with regularised biases found by alternating least squares
/// (Koren 2010 §2.1; Surprise's BaselineOnly with method "als"). Also the baseline that the kNN
/// models subtract before comparing neighbours.
/// </summary>
public sealed class Baseline : RecommenderBase<BaselineOptions>
{
    public const string AlgorithmName = "baseline";

    private float[] _userBias = [];
    private float[] _itemBias = [];

    public Baseline()
        : base(new BaselineOptions())
    {
    }

    public override string Name => AlgorithmName;

    public float GlobalMean { get; private set; }

    public ReadOnlySpan<float> UserBiases => _userBias;

    public ReadOnlySpan<float> ItemBiases => _itemBias;

    protected override int FormatVersion => 1;

    public static Baseline Load(Stream stream) => Load(stream, new Baseline());

    /// <summary>
    /// Solves the biases: each sweep sets every b_u to its regularised mean residual given the item
    /// biases, then every b_i given the user biases. Users and items are independent within a half
    /// sweep, so each half runs in parallel and the result does not depend on the thread count.
    /// </summary>
    internal static float ComputeBiases(
        InteractionMatrix train, BaselineOptions options, out float[] userBias, out float[] itemBias,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.UserRegularization);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ItemRegularization);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Sweeps);
        var mean = (float)train.GlobalMean();
        var bu = new float[train.UserCount];
        var bi = new float[train.ItemCount];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        for (var sweep = 0; sweep < options.Sweeps; sweep++)
        {
            Parallel.For(0, train.UserCount, parallel, u =>
            {
                var items = train.ItemsOf(u);
                var values = train.ValuesOf(u);
                double sum = 0;
                for (var k = 0; k < items.Length; k++)
                {
                    sum += values[k] - mean - bi[items[k]];
                }

                bu[u] = (float)(sum / (options.UserRegularization + items.Length));
            });
            Parallel.For(0, train.ItemCount, parallel, i =>
            {
                var users = train.UsersOf(i);
                var values = train.ItemValuesOf(i);
                double sum = 0;
                for (var k = 0; k < users.Length; k++)
                {
                    sum += values[k] - mean - bu[users[k]];
                }

                bi[i] = (float)(sum / (options.ItemRegularization + users.Length));
            });
            progress?.Report((sweep + 1.0) / (options.Sweeps + 1.0));
        }

        userBias = bu;
        itemBias = bi;
        return mean;
    }

    protected override void FitCore(
        InteractionMatrix train, BaselineOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        GlobalMean = ComputeBiases(train, options, out _userBias, out _itemBias, progress, cancellationToken);
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var userPart = GlobalMean + _userBias[user];
        for (var i = 0; i < candidates.Length; i++)
        {
            scores[i] = IsKnownItem(candidates[i]) ? userPart + _itemBias[candidates[i]] : float.NaN;
        }
    }

    private protected override void ForgetUserCore(int user) => UserRows.Clear(_userBias, user, 1);

    protected override void SaveCore(BinaryWriter writer)
    {
        writer.Write(GlobalMean);
        ModelFormat.WriteArray(writer, _userBias);
        ModelFormat.WriteArray(writer, _itemBias);
    }

    protected override void LoadCore(BinaryReader reader)
    {
        GlobalMean = reader.ReadSingle();
        _userBias = ModelFormat.ReadFloats(reader);
        _itemBias = ModelFormat.ReadFloats(reader);
    }
}
