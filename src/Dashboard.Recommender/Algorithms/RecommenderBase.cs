using System.Buffers;
using System.Text.Json;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Shared plumbing for the algorithms: fitted-state bookkeeping, the NaN rules of
/// <see cref="IRecommender.Score"/>, top-n selection and the versioned save/load envelope. A derived
/// class only writes the maths (<see cref="FitCore"/>, <see cref="ScoreCore"/>) and its payload.
/// </summary>
public abstract class RecommenderBase<TOptions> : IRecommender<TOptions>, IDenseScorer, IForgetsUsers
    where TOptions : class
{
    protected RecommenderBase(TOptions defaultOptions)
    {
        ArgumentNullException.ThrowIfNull(defaultOptions);
        Options = defaultOptions;
    }

    public abstract string Name { get; }

    public TOptions Options { get; private set; }

    public bool IsFitted { get; private set; }

    /// <summary>Users of the training matrix; indices outside [0, UserCount) are unknown.</summary>
    public int UserCount { get; private set; }

    /// <summary>Items of the training matrix; indices outside [0, ItemCount) are unknown.</summary>
    public int ItemCount { get; private set; }

    /// <summary>Bumped whenever the payload written by <see cref="SaveCore"/> changes shape.</summary>
    protected abstract int FormatVersion { get; }

    public void Fit(
        InteractionMatrix train, TOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        IsFitted = false;
        UserCount = train.UserCount;
        ItemCount = train.ItemCount;
        Options = options;
        progress?.Report(0);
        FitCore(train, options, progress, cancellationToken);
        IsFitted = true;
        progress?.Report(1);
    }

    public void Score(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        if (scores.Length < candidates.Length)
        {
            throw new ArgumentException("The score span is shorter than the candidate list.", nameof(scores));
        }

        if (!IsFitted || !IsKnownUser(user))
        {
            scores[..candidates.Length].Fill(float.NaN);
            return;
        }

        ScoreCore(user, candidates, scores[..candidates.Length]);
    }

    public IReadOnlyList<ScoredItem> Recommend(int user, int n, Func<int, bool>? allow = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (!IsFitted || !IsKnownUser(user) || n == 0)
        {
            return [];
        }

        var buffer = ArrayPool<float>.Shared.Rent(ItemCount);
        try
        {
            var scores = buffer.AsSpan(0, ItemCount);
            ScoreAll(user, scores);
            return TopN.Select(scores, n, allow);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    void IDenseScorer.ScoreEveryItem(int user, Span<float> scores)
    {
        if (scores.Length != ItemCount)
        {
            throw new ArgumentException("The score span must have one entry per item.", nameof(scores));
        }

        if (!IsFitted || !IsKnownUser(user))
        {
            scores.Fill(float.NaN);
            return;
        }

        ScoreAll(user, scores);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!IsFitted)
        {
            throw new InvalidOperationException($"'{Name}' is not fitted; there is nothing to save.");
        }

        using var writer = ModelFormat.CreateWriter(stream);
        ModelFormat.WriteHeader(writer, Name, FormatVersion);
        writer.Write(JsonSerializer.Serialize(Options));
        writer.Write(UserCount);
        writer.Write(ItemCount);
        SaveCore(writer);
    }

    /// <summary>Reads a model written by <see cref="Save"/> into <paramref name="model"/> (a fresh instance).</summary>
    protected static TModel Load<TModel>(Stream stream, TModel model)
        where TModel : RecommenderBase<TOptions>
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = ModelFormat.CreateReader(stream);
        var (name, version) = ModelFormat.ReadHeader(reader);
        return LoadBody(reader, name, version, model);
    }

    /// <summary>Reads the part after the header, for callers that already read it (a model registry).</summary>
    internal static TModel LoadBody<TModel>(BinaryReader reader, string name, int version, TModel model)
        where TModel : RecommenderBase<TOptions>
    {
        ModelFormat.EnsureName(name, model.Name);
        ModelFormat.EnsureVersion(name, version, model.FormatVersion);
        model.Options = JsonSerializer.Deserialize<TOptions>(reader.ReadString())
            ?? throw new InvalidDataException($"'{name}' model has no options.");
        model.UserCount = reader.ReadInt32();
        model.ItemCount = reader.ReadInt32();
        model.LoadCore(reader);
        model.IsFitted = true;
        return model;
    }

    /// <summary>Whether the model can score this user; non-personalised models accept anyone.</summary>
    protected virtual bool IsKnownUser(int user) => (uint)user < (uint)UserCount;

    protected bool IsKnownItem(int item) => (uint)item < (uint)ItemCount;

    protected abstract void FitCore(InteractionMatrix train, TOptions options, IProgress<double>? progress, CancellationToken cancellationToken);

    /// <summary>Scores a known user; must write NaN for candidates outside [0, ItemCount).</summary>
    protected abstract void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores);

    /// <summary>Scores every item for a known user. Override when a dense pass is cheaper than per-candidate scoring.</summary>
    protected virtual void ScoreAll(int user, Span<float> scores)
    {
        var all = ArrayPool<int>.Shared.Rent(ItemCount);
        try
        {
            for (var i = 0; i < ItemCount; i++)
            {
                all[i] = i;
            }

            ScoreCore(user, all.AsSpan(0, ItemCount), scores);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(all);
        }
    }

    void IForgetsUsers.ForgetUser(int user)
    {
        if (IsFitted && (uint)user < (uint)UserCount)
        {
            ForgetUserCore(user);
        }
    }

    /// <summary>Drops what the model keeps of one end-user; models without per-user state keep nothing to drop.</summary>
    private protected virtual void ForgetUserCore(int user)
    {
    }

    protected abstract void SaveCore(BinaryWriter writer);

    protected abstract void LoadCore(BinaryReader reader);
}
