using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Tests.Evaluation;

public class RatingEvaluatorTests
{
    // Only user 0 is known: predictions 4.5 for item 0 and 3 for item 1; user 1 gets NaN.
    private static readonly FixedScoreRecommender Model =
        new("fixed", 2, new Dictionary<int, float[]> { [0] = [4.5f, 3f] });

    private static readonly Rating[] Test = [new(0, 0, 5), new(0, 1, 3), new(1, 0, 4)];

    [Fact]
    public void Evaluate_WithoutFallback_SkipsAndCountsMissingPredictions()
    {
        // Errors −0.5 and 0 → MSE 0.125, MAE 0.25, one rating skipped.
        var r = RatingEvaluator.Evaluate(Model, Test);
        Assert.Equal((0.125, 0.25, 2, 1, 0), (r.Mse, r.Mae, r.Scored, r.Skipped, r.FallbackCount));
    }

    [Fact]
    public void Evaluate_WithFallback_PredictsMissingRatingsWithIt()
    {
        // Fallback 3.5 for user 1: errors −0.5, 0, −0.5 → MSE 0.5 / 3, MAE 1 / 3.
        var r = RatingEvaluator.Evaluate(Model, Test, fallback: 3.5f);
        Assert.Equal((0.5 / 3, 1.0 / 3, 3, 0, 1), (r.Mse, r.Mae, r.Scored, r.Skipped, r.FallbackCount));
    }

    [Fact]
    public void Evaluate_Rmse_IsSquareRootOfMse()
    {
        var r = RatingEvaluator.Evaluate(Model, Test);
        Assert.Equal(Math.Sqrt(0.125), r.Rmse, 10);
    }

    [Fact]
    public void Evaluate_WithGrouping_ReportsErrorPerGroup()
    {
        // Group "known" = user 0: errors −0.5, 0 → RMSE sqrt(0.125); group "new" = user 1: one skipped rating.
        var r = RatingEvaluator.Evaluate(Model, Test, groupOf: u => u == 0 ? "known" : "new");
        Assert.Equal(
            [("known", 2, 0, Math.Sqrt(0.125)), ("new", 0, 1, double.NaN)],
            r.Groups!.Select(g => (g.Group, g.Scored, g.Skipped, g.Rmse)));
    }
}
