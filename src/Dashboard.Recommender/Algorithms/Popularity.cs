using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Most-popular baseline: an item's score is its (optionally time-decayed, optionally value-weighted)
/// interaction count. Scores do not depend on the user, so every user index, including ones the
/// training data never saw, gets the same scores: this is the cold-start fallback. Unknown items are NaN.
/// </summary>
public sealed class Popularity : RecommenderBase<PopularityOptions>
{
    public const string AlgorithmName = "popularity";

    private float[] _scores = [];

    public Popularity()
        : base(new PopularityOptions())
    {
    }

    public override string Name => AlgorithmName;

    protected override int FormatVersion => 1;

    /// <summary>The fitted score of every item (read-only view).</summary>
    public ReadOnlySpan<float> ItemScores => _scores;

    public static Popularity Load(Stream stream) => Load(stream, new Popularity());

    protected override bool IsKnownUser(int user) => true;

    protected override void FitCore(
        InteractionMatrix train, PopularityOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        if (options.HalfLifeDays is { } h && !(h > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "HalfLifeDays must be positive.");
        }

        var newest = long.MinValue;
        var times = train.UserTimestamps;
        if (options.HalfLifeDays is not null && times is not null)
        {
            foreach (var t in times)
            {
                newest = Math.Max(newest, t);
            }
        }

        // ln 2 / half-life in seconds: weight = exp(-lambda * age).
        var lambda = options.HalfLifeDays is { } days && newest != Rating.NoTimestamp
            ? Math.Log(2) / (days * 86_400.0)
            : 0.0;
        var scores = new double[train.ItemCount];
        for (var u = 0; u < train.UserCount; u++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var items = train.ItemsOf(u);
            var values = train.ValuesOf(u);
            var stamps = train.TimestampsOf(u);
            for (var k = 0; k < items.Length; k++)
            {
                double w = options.UseValues ? values[k] : 1.0;
                if (lambda > 0 && stamps[k] != Rating.NoTimestamp)
                {
                    w *= Math.Exp(-lambda * (newest - stamps[k]));
                }

                scores[items[k]] += w;
            }
        }

        _scores = new float[train.ItemCount];
        for (var i = 0; i < scores.Length; i++)
        {
            _scores[i] = (float)scores[i];
        }
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        for (var i = 0; i < candidates.Length; i++)
        {
            scores[i] = IsKnownItem(candidates[i]) ? _scores[candidates[i]] : float.NaN;
        }
    }

    protected override void ScoreAll(int user, Span<float> scores) => _scores.CopyTo(scores);

    protected override void SaveCore(BinaryWriter writer) => ModelFormat.WriteArray(writer, _scores);

    protected override void LoadCore(BinaryReader reader) => _scores = ModelFormat.ReadFloats(reader);
}
