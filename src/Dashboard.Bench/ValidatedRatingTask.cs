using System.Diagnostics;
using System.Globalization;
using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Blending;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Bench;

/// <summary>
/// Rating prediction with every hyper-parameter and blend weight chosen on validation data: in each fold a
/// random tenth of the training ratings (seed 42 + fold) is held out as validation, each grid point is
/// fitted on the rest and scored by RMSE on it, and the winner is refitted on the whole training side and
/// measured on the fold's test side. Rows are means ± sample standard deviations over the folds.
/// </summary>
internal static class ValidatedRatingTask
{
    public static IReadOnlyList<BenchRow> Run(BenchOptions options, string datasetName)
    {
        var folds = BenchData.RatingFolds(options);
        var names = options.Algorithms ?? TuningGrid.RatingNames;
        var summaries = names.ToDictionary(n => n, n => new ReplicateSummary("rating", datasetName, n), StringComparer.Ordinal);
        for (var f = 0; f < folds.Count; f++)
        {
            var (trainData, testData) = folds[f];
            var seed = BenchData.Seed + f;
            var inner = RatingSplitter.KFold(trainData.Ratings, 10, seed)[0];
            var train = trainData.ToMatrix();
            var innerTrain = trainData.WithRatings(inner.Train).ToMatrix();
            var innerMean = (float)innerTrain.GlobalMean();
            var choices = new Dictionary<string, ValidationChoice>(StringComparer.Ordinal);
            ValidationChoice Choose(string name) => choices.TryGetValue(name, out var c)
                ? c
                : choices[name] = ChooseOnValidation(name, TuningGrid.Rating(name, seed), innerTrain, inner.Test, innerMean);

            foreach (var name in names)
            {
                // Every choice is made before the clock starts: "fit s" is the refit on the whole training side.
                var blendWeight = name == "blend" ? ChooseBlendWeight(Choose("svd++"), Choose("item-knn"), innerTrain, inner.Test, innerMean) : double.NaN;
                var choice = name == "blend" ? null : Choose(name);
                var start = Stopwatch.GetTimestamp();
                IRecommender model;
                string chosen;
                if (choice is null)
                {
                    (model, chosen) = FitBlend(Choose("svd++"), Choose("item-knn"), blendWeight, train);
                }
                else
                {
                    model = choice.Candidate.Fit(train);
                    chosen = choice.Candidate.Label;
                }

                var fit = Stopwatch.GetElapsedTime(start).TotalSeconds;
                var result = RatingEvaluator.Evaluate(model, testData.Ratings, (float)train.GlobalMean());
                summaries[name].Add(new Dictionary<string, double> { ["RMSE"] = result.Rmse, ["MAE"] = result.Mae }, chosen, fit);
                Console.Error.WriteLine($"  fold {f + 1} {name} [{chosen}]: RMSE {result.Rmse:F4} (refit {fit:F2} s, load {LoadAverage.Now})");
            }
        }

        return [.. names.Select(n => summaries[n].ToRow("fold"))];
    }

    private static ValidationChoice ChooseOnValidation(string name, IReadOnlyList<TuningCandidate> grid, InteractionMatrix innerTrain, Rating[] validation, float mean)
    {
        ValidationChoice? best = null;
        foreach (var candidate in grid)
        {
            var model = candidate.Fit(innerTrain);
            var rmse = RatingEvaluator.Evaluate(model, validation, mean).Rmse;
            Console.Error.WriteLine($"    validation {name} [{candidate.Label}]: RMSE {rmse:F4}");
            if (best is null || rmse < best.ValidationScore)
            {
                best = new ValidationChoice(candidate, model, rmse);
            }
        }

        return best!;
    }

    /// <summary>SVD++ and item-kNN on raw ratings, each at its validated setting: the SVD++ weight that scores best on validation.</summary>
    private static double ChooseBlendWeight(ValidationChoice svd, ValidationChoice knn, InteractionMatrix innerTrain, Rating[] validation, float mean)
    {
        var bestWeight = double.NaN;
        var bestRmse = double.PositiveInfinity;
        foreach (var weight in TuningGrid.BlendWeights)
        {
            var rmse = RatingEvaluator.Evaluate(Blend(svd.InnerModel, knn.InnerModel, weight, innerTrain), validation, mean).Rmse;
            if (rmse < bestRmse)
            {
                (bestWeight, bestRmse) = (weight, rmse);
            }
        }

        return bestWeight;
    }

    private static (IRecommender Model, string Chosen) FitBlend(ValidationChoice svd, ValidationChoice knn, double svdWeight, InteractionMatrix train)
    {
        var model = Blend(svd.Candidate.Fit(train), knn.Candidate.Fit(train), svdWeight, train);
        var chosen = string.Create(CultureInfo.InvariantCulture, $"svd++ {svd.Candidate.Label} w {svdWeight:0.0}, item-knn {knn.Candidate.Label} w {1 - svdWeight:0.0}");
        return (model, chosen);
    }

    private static WeightedBlend Blend(IRecommender svd, IRecommender knn, double svdWeight, InteractionMatrix history) => new(
        [new BlendComponent(svd, svdWeight), new BlendComponent(knn, 1 - svdWeight)],
        history,
        ScoreNormalization.None);
}
