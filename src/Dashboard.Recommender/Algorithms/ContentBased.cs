using System.Buffers;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Content-based scoring: items are TF-IDF vectors over their title words, categories and tags; a
/// user's profile is the (value-)weighted mean of the vectors of the items they consumed; an item's
/// score is the cosine between profile and item. Works for items nobody has interacted with yet,
/// which is what makes it useful next to collaborative models. Items without metadata score 0.
/// The metadata is given to the constructor because options are plain settings.
/// </summary>
public sealed class ContentBased : RecommenderBase<ContentBasedOptions>
{
    public const string AlgorithmName = "content-based";

    private readonly IReadOnlyDictionary<int, ItemMetadata> _metadata;
    private int[] _itemPtr = [0];
    private int[] _itemTerms = [];
    private float[] _itemWeights = [];
    private int _termCount;
    private int[] _userPtr = [0];
    private int[] _userItems = [];
    private float[] _userValues = [];

    public ContentBased(IReadOnlyDictionary<int, ItemMetadata> itemMetadata)
        : base(new ContentBasedOptions())
    {
        ArgumentNullException.ThrowIfNull(itemMetadata);
        _metadata = itemMetadata;
    }

    private ContentBased()
        : this(new Dictionary<int, ItemMetadata>())
    {
    }

    public override string Name => AlgorithmName;

    protected override int FormatVersion => 1;

    public static ContentBased Load(Stream stream) => Load(stream, new ContentBased());

    /// <summary>An empty instance to read a saved model into (the vectors are in the file).</summary>
    internal static ContentBased CreateForLoad() => new();

    protected override void FitCore(
        InteractionMatrix train, ContentBasedOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        (_itemPtr, _itemTerms, _itemWeights) = TfIdf.Build(train.ItemCount, _metadata, options);
        _termCount = _itemTerms.Length == 0 ? 0 : _itemTerms.Max() + 1;
        _userPtr = train.UserPtr;
        _userItems = train.UserItems;
        _userValues = train.UserValues;
    }

    protected override void ScoreCore(int user, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        var buffer = ArrayPool<float>.Shared.Rent(Math.Max(1, _termCount));
        try
        {
            var profile = buffer.AsSpan(0, _termCount);
            var norm = BuildProfile(user, profile);
            for (var c = 0; c < candidates.Length; c++)
            {
                scores[c] = IsKnownItem(candidates[c]) ? Cosine(profile, norm, candidates[c]) : float.NaN;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    protected override void ScoreAll(int user, Span<float> scores)
    {
        var buffer = ArrayPool<float>.Shared.Rent(Math.Max(1, _termCount));
        try
        {
            var profile = buffer.AsSpan(0, _termCount);
            var norm = BuildProfile(user, profile);
            for (var i = 0; i < ItemCount; i++)
            {
                scores[i] = Cosine(profile, norm, i);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private protected override void ForgetUserCore(int user) =>
        (_userPtr, _userItems, _userValues) = UserRows.WithoutRow(_userPtr, _userItems, _userValues, user);

    protected override void SaveCore(BinaryWriter writer)
    {
        writer.Write(_termCount);
        ModelFormat.WriteArray(writer, _itemPtr);
        ModelFormat.WriteArray(writer, _itemTerms);
        ModelFormat.WriteArray(writer, _itemWeights);
        ModelFormat.WriteArray(writer, _userPtr);
        ModelFormat.WriteArray(writer, _userItems);
        ModelFormat.WriteArray(writer, _userValues);
    }

    protected override void LoadCore(BinaryReader reader)
    {
        _termCount = reader.ReadInt32();
        _itemPtr = ModelFormat.ReadInts(reader);
        _itemTerms = ModelFormat.ReadInts(reader);
        _itemWeights = ModelFormat.ReadFloats(reader);
        _userPtr = ModelFormat.ReadInts(reader);
        _userItems = ModelFormat.ReadInts(reader);
        _userValues = ModelFormat.ReadFloats(reader);
    }

    /// <summary>Weighted mean of the user's item vectors; returns its norm (the mean's scale cancels in the cosine).</summary>
    private double BuildProfile(int user, Span<float> profile)
    {
        profile.Clear();
        for (var k = _userPtr[user]; k < _userPtr[user + 1]; k++)
        {
            var item = _userItems[k];
            var w = Options.UseValues ? _userValues[k] : 1f;
            for (var t = _itemPtr[item]; t < _itemPtr[item + 1]; t++)
            {
                profile[_itemTerms[t]] += w * _itemWeights[t];
            }
        }

        double norm = 0;
        foreach (var v in profile)
        {
            norm += (double)v * v;
        }

        return Math.Sqrt(norm);
    }

    private float Cosine(ReadOnlySpan<float> profile, double profileNorm, int item)
    {
        if (profileNorm == 0)
        {
            return 0;
        }

        double dot = 0;
        for (var t = _itemPtr[item]; t < _itemPtr[item + 1]; t++)
        {
            dot += profile[_itemTerms[t]] * _itemWeights[t];
        }

        return (float)(dot / profileNorm);
    }
}
