using System.Runtime.CompilerServices;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// What <see cref="ItemKnn"/> and <see cref="UserKnn"/> share: the baseline (explicit feedback, or
/// Pearson-baseline similarity), the neighbour lists of the compared entities (items or users, see
/// <see cref="ComparesItems"/>), the user rows of the training matrix that scoring reads, the final
/// prediction from a neighbourhood sum, and the saved layout. How the neighbours' contributions are
/// gathered differs and stays in each model.
/// </summary>
public abstract class KnnRecommenderBase : RecommenderBase<KnnOptions>
{
    private protected KnnRecommenderBase()
        : base(new KnnOptions())
    {
    }

    protected override int FormatVersion => 1;

    /// <summary>Per compared entity, its most similar neighbours first.</summary>
    private protected NeighborLists Neighbors { get; private set; } = new([0], [], []);

    private protected int[] UserPtr { get; private set; } = [0];

    private protected int[] UserItems { get; private set; } = [];

    /// <summary>The training values by user (ones when binarised); a model may replace them with what it scores on.</summary>
    private protected float[] UserValues { get; set; } = [];

    private protected float Mean { get; private set; }

    private protected float[] UserBias { get; private set; } = [];

    private protected float[] ItemBias { get; private set; } = [];

    private protected bool IsExplicit => Options.Feedback == FeedbackKind.Explicit;

    /// <summary>True when items are the compared entities (item-kNN), false for users (user-kNN).</summary>
    private protected abstract bool ComparesItems { get; }

    protected override void FitCore(
        InteractionMatrix train, KnnOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var explicitFeedback = options.Feedback == FeedbackKind.Explicit;
        var coRated = options.Similarity is SimilarityMetric.Pearson or SimilarityMetric.PearsonBaseline;
        if (explicitFeedback || options.Similarity == SimilarityMetric.PearsonBaseline)
        {
            Mean = Baseline.ComputeBiases(train, options.Baseline, out var userBias, out var itemBias, null, cancellationToken);
            UserBias = userBias;
            ItemBias = itemBias;
        }
        else
        {
            Mean = 0;
            UserBias = [];
            ItemBias = [];
        }

        progress?.Report(0.1);
        var binary = !explicitFeedback && options.Binarize;
        var (byUser, byItem) = KnnInputs.SimilarityValues(train, options.Similarity, binary, ComparesItems, (Mean, UserBias, ItemBias));
        Neighbors = ComparesItems
            ? SparseSimilarity.Compute(
                train.ItemPtr, train.ItemUsers, byItem,
                train.UserPtr, train.UserItems, byUser,
                coRated, options.Shrinkage, options.MinSupport, options.MaxStoredNeighbors,
                progress, 0.1, 1.0, cancellationToken)
            : SparseSimilarity.Compute(
                train.UserPtr, train.UserItems, byUser,
                train.ItemPtr, train.ItemUsers, byItem,
                coRated, options.Shrinkage, options.MinSupport, options.MaxStoredNeighbors,
                progress, 0.1, 1.0, cancellationToken);
        UserPtr = train.UserPtr;
        UserItems = train.UserItems;
        UserValues = binary ? KnnInputs.Ones(train.NonZeroCount) : train.UserValues;
    }

    /// <summary>The part of the baseline b_ui that depends only on the user: μ + b_u (explicit), 0 (implicit).</summary>
    private protected float UserPart(int user) => IsExplicit ? Mean + UserBias[user] : 0f;

    /// <summary>
    /// The score from the <paramref name="used"/> neighbours' sums Σ s·v and Σ s. Explicit: the baseline
    /// plus the similarity-weighted mean residual (the baseline alone without neighbours). Implicit: Σ s·v,
    /// the sum of similarities when the history is binary.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected float Prediction(float userPart, int item, double num, double den, int used)
    {
        if (!IsExplicit)
        {
            return (float)num;
        }

        var baseline = userPart + ItemBias[item];
        return used == 0 ? baseline : (float)(baseline + (num / den));
    }

    /// <summary>Empties the end-user's row, so they neither get scores nor lend their history to neighbours (user-kNN).</summary>
    private protected override void ForgetUserCore(int user)
    {
        (UserPtr, UserItems, UserValues) = UserRows.WithoutRow(UserPtr, UserItems, UserValues, user);
        UserRows.Clear(UserBias, user, 1);
    }

    protected override void SaveCore(BinaryWriter writer)
    {
        writer.Write(Mean);
        ModelFormat.WriteArray(writer, UserBias);
        ModelFormat.WriteArray(writer, ItemBias);
        ModelFormat.WriteArray(writer, UserPtr);
        ModelFormat.WriteArray(writer, UserItems);
        ModelFormat.WriteArray(writer, UserValues);
        Neighbors.Write(writer);
    }

    protected override void LoadCore(BinaryReader reader)
    {
        Mean = reader.ReadSingle();
        UserBias = ModelFormat.ReadFloats(reader);
        ItemBias = ModelFormat.ReadFloats(reader);
        UserPtr = ModelFormat.ReadInts(reader);
        UserItems = ModelFormat.ReadInts(reader);
        UserValues = ModelFormat.ReadFloats(reader);
        Neighbors = NeighborLists.Read(reader);
    }
}
