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

            // A component's refit is done once per fold and shared by its own row and the blend's.
            var refits = new Dictionary<string, (IRecommender Model, double Seconds)>(StringComparer.Ordinal);
            (IRecommender Model, double Seconds) Refit(string name)
            {
                if (!refits.TryGetValue(name, out var refit))
                {
                    var choice = Choose(name);
                    var start = Stopwatch.GetTimestamp();
                    var model = choice.Candidate.Fit(train);
                    refits[name] = refit = (model, Stopwatch.GetElapsedTime(start).TotalSeconds);
                }

                return refit;
            }

            foreach (var name in names)
            {
                // Every choice is made before the clock starts: "fit s" is the refit on the whole training side
                // (for the blend, the sum of its components' refits).
                IRecommender model;
                string chosen;
                double fit;
                if (name == "blend")
                {
                    var parts = BlendParts.Select(Choose).ToArray();
                    var weights = ChooseBlendWeights(parts, inner.Test, innerMean);
                    var components = BlendParts.Select(Refit).ToArray();
                    model = Blend([.. components.Select(c => c.Model)], weights, train);
                    fit = components.Sum(c => c.Seconds);
                    chosen = string.Join(", ", parts.Select((p, k) => string.Create(
                        CultureInfo.InvariantCulture, $"{BlendParts[k]} {p.Candidate.Label} w {weights[k]:0.0}")));
                }
                else
                {
                    (model, fit) = Refit(name);
                    chosen = Choose(name).Candidate.Label;
                }

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

    /// <summary>
    /// The blend's components, each at its validated setting: the Bayesian MF, SVD++ and item-kNN, whose
    /// errors differ most (a sampled factor model, an SGD factor model, a neighbourhood model).
    /// </summary>
    private static readonly string[] BlendParts = ["bpmf", "svd++", "item-knn"];

    /// <summary>
    /// Weights on a 0.1 grid over the simplex (raw ratings, weights summing to 1), chosen by validation RMSE.
    /// Each component scores the validation ratings once; a weight vector's prediction is then combined as
    /// <see cref="WeightedBlend"/> combines raw scores (weighted mean over the components with a score, the
    /// training mean when none has one), so the 66 candidates cost no further scoring.
    /// </summary>
    private static double[] ChooseBlendWeights(ValidationChoice[] parts, Rating[] validation, float mean)
    {
        var predictions = parts.Select(p => Predict(p.InnerModel, validation)).ToArray();
        double[] best = [];
        var bestRmse = double.PositiveInfinity;
        foreach (var weights in Simplex(parts.Length, 10))
        {
            var squared = 0.0;
            for (var r = 0; r < validation.Length; r++)
            {
                double sum = 0, weight = 0;
                for (var c = 0; c < parts.Length; c++)
                {
                    var value = predictions[c][r];
                    if (!float.IsNaN(value) && weights[c] > 0)
                    {
                        sum += weights[c] * value;
                        weight += weights[c];
                    }
                }

                var error = (weight > 0 ? sum / weight : mean) - validation[r].Value;
                squared += error * error;
            }

            var rmse = Math.Sqrt(squared / validation.Length);
            if (rmse < bestRmse)
            {
                (best, bestRmse) = (weights, rmse);
            }
        }

        Console.Error.WriteLine($"    validation blend [{string.Join(", ", best.Select(w => w.ToString("0.0", CultureInfo.InvariantCulture)))}]: RMSE {bestRmse:F4}");
        return best;
    }

    private static float[] Predict(IRecommender model, Rating[] ratings)
    {
        var result = new float[ratings.Length];
        var score = new float[1];
        for (var r = 0; r < ratings.Length; r++)
        {
            model.Score(ratings[r].User, [ratings[r].Item], score);
            result[r] = score[0];
        }

        return result;
    }

    /// <summary>Every vector of <paramref name="count"/> non-negative multiples of 1/<paramref name="steps"/> that sum to 1.</summary>
    private static IEnumerable<double[]> Simplex(int count, int steps) =>
        Compositions(count, steps).Select(parts => parts.Select(p => p / (double)steps).ToArray());

    /// <summary>Every way to write <paramref name="total"/> as an ordered sum of <paramref name="count"/> non-negative integers.</summary>
    private static IEnumerable<int[]> Compositions(int count, int total)
    {
        if (count == 1)
        {
            yield return [total];
            yield break;
        }

        for (var first = 0; first <= total; first++)
        {
            foreach (var rest in Compositions(count - 1, total - first))
            {
                yield return [first, .. rest];
            }
        }
    }

    private static WeightedBlend Blend(IRecommender[] models, double[] weights, InteractionMatrix history) => new(
        [.. models.Select((m, k) => new BlendComponent(m, weights[k]))],
        history,
        ScoreNormalization.None);
}
