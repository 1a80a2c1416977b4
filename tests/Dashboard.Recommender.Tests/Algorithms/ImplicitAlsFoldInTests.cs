using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Tests.Algorithms;

public class ImplicitAlsFoldInTests
{
    // Enough sweeps to converge and as many CG steps as factors (CG is exact in k steps), so a trained
    // user vector is the least-squares solve that fold-in repeats against the final item factors.
    private static readonly ImplicitAlsOptions Converged = new() { Factors = 4, Iterations = 60, ConjugateGradientSteps = 4, Regularization = 0.5f, Alpha = 2 };

    private static ImplicitAls Fit(out Dashboard.Recommender.Data.InteractionMatrix train)
    {
        train = TinyData.Random(seed: 11);
        var model = new ImplicitAls();
        model.Fit(train, Converged);
        return model;
    }

    [Fact]
    public void ScoreFoldIn_OfATrainedUsersOwnRow_ReproducesTheirScores()
    {
        var model = Fit(out var train);
        var stored = new float[train.ItemCount];
        var folded = new float[train.ItemCount];
        var all = Enumerable.Range(0, train.ItemCount).ToArray();

        model.Score(3, all, stored);
        model.ScoreFoldIn(train.ItemsOf(3), train.ValuesOf(3), folded);

        for (var i = 0; i < all.Length; i++)
        {
            Assert.InRange(folded[i] - stored[i], -0.01f, 0.01f);
        }
    }

    [Fact]
    public void ExplainByHistory_PartsSumToTheFoldedInScore()
    {
        var model = Fit(out var train);
        var folded = new float[train.ItemCount];
        var items = train.ItemsOf(5);
        var parts = new float[items.Length];
        model.ScoreFoldIn(items, train.ValuesOf(5), folded);

        model.ExplainByHistory(items, train.ValuesOf(5), [7], parts);

        Assert.InRange(parts.Sum() - folded[7], -1e-4f, 1e-4f);
    }
}
