namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Loads any saved model without knowing its algorithm in advance, by reading the envelope's name
/// (used for stored models and for the components inside a <see cref="LearnedRanker"/>).
/// </summary>
public static class RecommenderSerializer
{
    public static IRecommender Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = ModelFormat.CreateReader(stream);
        var (name, version) = ModelFormat.ReadHeader(reader);
        return name switch
        {
            Popularity.AlgorithmName => RecommenderBase<PopularityOptions>.LoadBody(reader, name, version, new Popularity()),
            Baseline.AlgorithmName => RecommenderBase<BaselineOptions>.LoadBody(reader, name, version, new Baseline()),
            ItemKnn.AlgorithmName => RecommenderBase<KnnOptions>.LoadBody(reader, name, version, new ItemKnn()),
            UserKnn.AlgorithmName => RecommenderBase<KnnOptions>.LoadBody(reader, name, version, new UserKnn()),
            BiasedMf.AlgorithmName => RecommenderBase<BiasedMfOptions>.LoadBody(reader, name, version, new BiasedMf()),
            SvdPlusPlus.AlgorithmName => RecommenderBase<SvdPlusPlusOptions>.LoadBody(reader, name, version, new SvdPlusPlus()),
            BayesianMf.AlgorithmName => RecommenderBase<BayesianMfOptions>.LoadBody(reader, name, version, new BayesianMf()),
            ImplicitAls.AlgorithmName => RecommenderBase<ImplicitAlsOptions>.LoadBody(reader, name, version, new ImplicitAls()),
            Bpr.AlgorithmName => RecommenderBase<BprOptions>.LoadBody(reader, name, version, new Bpr()),
            MultVae.AlgorithmName => RecommenderBase<MultVaeOptions>.LoadBody(reader, name, version, new MultVae()),
            Ease.AlgorithmName => RecommenderBase<EaseOptions>.LoadBody(reader, name, version, new Ease()),
            ContentBased.AlgorithmName => RecommenderBase<ContentBasedOptions>.LoadBody(reader, name, version, ContentBased.CreateForLoad()),
            LearnedRanker.AlgorithmName => RecommenderBase<LearnedRankerOptions>.LoadBody(reader, name, version, LearnedRanker.CreateForLoad()),
            _ => throw new InvalidDataException($"Unknown saved algorithm '{name}'."),
        };
    }
}
