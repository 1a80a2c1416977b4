using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Learning-to-rank over other models (a two-stage recommender): candidates are the union of each
/// component's top-M, and a LightGBM LambdaRank model (ML.NET) orders them using per-(user, item)
/// features — each component's score and rank, item popularity, user activity and the user's affinity
/// for the item's categories. Training: hold out a seeded share of every user's interactions, fit the
/// components on the rest, label each candidate 1 when it is held out, train the ranker; then refit
/// the components on all the training data for serving. Items outside the candidate set score NaN in
/// <see cref="IRecommender.Recommend"/>; <see cref="IRecommender.Score"/> scores any given item.
/// ML.NET trains and saves the model; scoring walks the flattened trees (<see cref="RankerTrees"/>)
/// directly, which avoids building a data view per call and is safe from many threads.
/// </summary>
public sealed class LearnedRanker : RecommenderBase<LearnedRankerOptions>
{
    public const string AlgorithmName = "learned-ranker";

    private readonly IReadOnlyList<Func<InteractionMatrix, CancellationToken, IRecommender>> _factories;
    private readonly IReadOnlyDictionary<int, ItemMetadata> _metadata;
    // LightGBM takes its seed from the options; the context's seed only fixes ML.NET's own sampling.
    private readonly MLContext _ml = new(seed: 42);
    private IRecommender[] _components = [];
    private ITransformer? _ranker;
    private DataViewSchema? _inputSchema;
    private RankerFeatures? _features;
    private RankerTrees? _trees;

    /// <param name="components">Fits one component on a training matrix; at least one.</param>
    /// <param name="itemMetadata">Categories for the affinity feature; optional.</param>
    public LearnedRanker(
        IReadOnlyList<Func<InteractionMatrix, CancellationToken, IRecommender>> components,
        IReadOnlyDictionary<int, ItemMetadata>? itemMetadata = null)
        : base(new LearnedRankerOptions())
    {
        ArgumentNullException.ThrowIfNull(components);
        _factories = components;
        _metadata = itemMetadata ?? new Dictionary<int, ItemMetadata>();
    }

    public override string Name => AlgorithmName;

    /// <summary>Names of the fitted components, in feature order.</summary>
    public IReadOnlyList<string> ComponentNames => [.. _components.Select(c => c.Name)];

    protected override int FormatVersion => 1;

    public static LearnedRanker Load(Stream stream) => Load(stream, CreateForLoad());

    internal static LearnedRanker CreateForLoad() => new([]);

    protected override void FitCore(
        InteractionMatrix train, LearnedRankerOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        if (_factories.Count == 0)
        {
            throw new InvalidOperationException("A learned ranker needs at least one component model.");
        }

        var split = RatingSplitter.PerUserRatio(train.ToRatings(), options.ValidationFraction, options.Seed);
        var subTrain = InteractionMatrix.Build(split.Train, train.UserCount, train.ItemCount);
        var components = FitComponents(subTrain, cancellationToken);
        progress?.Report(0.3);

        var features = new RankerFeatures(components, subTrain, _metadata, options.CandidatesPerModel);
        var heldOut = new Dictionary<int, HashSet<int>>();
        foreach (var r in split.Test)
        {
            if (!heldOut.TryGetValue(r.User, out var set))
            {
                heldOut[r.User] = set = [];
            }

            set.Add(r.Item);
        }

        var users = heldOut.Keys.Order().ToArray();
        if (users.Length > options.MaxTrainingUsers)
        {
            new Random(options.Seed).Shuffle(users);
            users = [.. users.Take(options.MaxTrainingUsers).Order()];
        }

        var rows = new List<RankerFeatureRow>[users.Length];
        Parallel.For(0, users.Length, new ParallelOptions { CancellationToken = cancellationToken }, index =>
        {
            var user = users[index];
            var (candidates, tops) = features.Candidates(user);
            var matrix = features.Build(user, candidates, tops);
            var labels = heldOut[user];
            var list = new List<RankerFeatureRow>(candidates.Length);
            var positives = 0;
            for (var c = 0; c < candidates.Length; c++)
            {
                var label = labels.Contains(candidates[c]) ? 1f : 0f;
                positives += (int)label;
                list.Add(new RankerFeatureRow { Label = label, GroupId = (uint)user, Features = matrix[c] });
            }

            // A list without a positive carries no LambdaRank gradient.
            rows[index] = positives > 0 ? list : [];
        });
        progress?.Report(0.5);

        var schema = RowSchema(features.FeatureCount);
        var data = _ml.Data.LoadFromEnumerable(rows.SelectMany(r => r), schema);
        var pipeline = _ml.Transforms.Conversion.MapValueToKey(nameof(RankerFeatureRow.GroupId))
            .Append(_ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = nameof(RankerFeatureRow.Label),
                FeatureColumnName = nameof(RankerFeatureRow.Features),
                RowGroupColumnName = nameof(RankerFeatureRow.GroupId),
                NumberOfLeaves = options.Leaves,
                NumberOfIterations = options.Trees,
                LearningRate = options.LearningRate,
                MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
                Seed = options.Seed,
                NumberOfThreads = 1,
                Deterministic = true,
            }));
        _ranker = pipeline.Fit(data);
        _inputSchema = data.Schema;
        _trees = RankerTrees.From(_ranker);
        progress?.Report(0.7);

        _components = FitComponents(train, cancellationToken);
        _features = new RankerFeatures(_components, train, _metadata, options.CandidatesPerModel);
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var known = new List<int>(candidates.Length);
        foreach (var item in candidates)
        {
            if (IsKnownItem(item))
            {
                known.Add(item);
            }
        }

        var predicted = Predict(user, [.. known]);
        var next = 0;
        for (var c = 0; c < candidates.Length; c++)
        {
            scores[c] = IsKnownItem(candidates[c]) ? predicted[next++] : float.NaN;
        }
    }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        scores.Fill(float.NaN);
        var (candidates, tops) = Features.Candidates(user);
        var predicted = Predict(user, candidates, tops);
        for (var c = 0; c < candidates.Length; c++)
        {
            scores[candidates[c]] = predicted[c];
        }
    }

    private protected override void ForgetUserCore(int user)
    {
        foreach (var component in _components)
        {
            (component as IForgetsUsers)?.ForgetUser(user);
        }
    }

    protected override void SaveCore(BinaryWriter writer)
    {
        writer.Write(_components.Length);
        foreach (var component in _components)
        {
            WriteBlock(writer, component.Save);
        }

        Features.Write(writer);
        WriteBlock(writer, s => _ml.Model.Save(Ranker, _inputSchema, s));
    }

    protected override void LoadCore(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        _components = new IRecommender[count];
        for (var i = 0; i < count; i++)
        {
            using var block = ReadBlock(reader);
            _components[i] = RecommenderSerializer.Load(block);
        }

        _features = RankerFeatures.Read(reader, _components, Options.CandidatesPerModel);
        using var model = ReadBlock(reader);
        _ranker = _ml.Model.Load(model, out var schema);
        _inputSchema = schema;
        _trees = RankerTrees.From(_ranker);
    }

    private RankerFeatures Features => _features ?? throw new InvalidOperationException("The ranker is not fitted.");

    private ITransformer Ranker => _ranker ?? throw new InvalidOperationException("The ranker is not fitted.");

    private static SchemaDefinition RowSchema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(RankerFeatureRow));
        schema[nameof(RankerFeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    private static void WriteBlock(BinaryWriter writer, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        writer.Write(buffer.Length);
        writer.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static MemoryStream ReadBlock(BinaryReader reader)
    {
        var length = reader.ReadInt64();
        if (length is < 0 or > int.MaxValue)
        {
            throw new InvalidDataException($"Corrupt learned-ranker model: block length {length}.");
        }

        var bytes = reader.ReadBytes((int)length);
        if (bytes.Length != length)
        {
            throw new InvalidDataException("Corrupt learned-ranker model: the stream ended inside a block.");
        }

        return new MemoryStream(bytes, writable: false);
    }

    private IRecommender[] FitComponents(InteractionMatrix train, CancellationToken cancellationToken)
    {
        var result = new IRecommender[_factories.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _factories[i](train, cancellationToken);
        }

        return result;
    }

    private float[] Predict(int user, int[] candidates, IReadOnlyList<ScoredItem>[]? tops = null)
    {
        var trees = _trees ?? throw new InvalidOperationException("The ranker is not fitted.");
        var matrix = Features.Build(user, candidates, tops);
        var scores = new float[candidates.Length];
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = trees.Score(matrix[c]);
        }

        return scores;
    }
}
