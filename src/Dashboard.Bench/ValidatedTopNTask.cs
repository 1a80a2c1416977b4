using System.Diagnostics;
using System.Globalization;
using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Blending;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Bench;

/// <summary>
/// Top-10 ranking with every hyper-parameter and blend weight chosen on validation data. For each seed the
/// per-user 75/25 split gives the reported test side; from its training side a second per-user 75/25 split
/// (seed + 1000) carves the validation side. Each grid point is fitted on the inner training side and
/// scored by NDCG@10 on validation; the winner is refitted on the whole training side and measured on the
/// test side, which no choice ever saw. Rows are means ± sample standard deviations over the seeds.
/// </summary>
internal static class ValidatedTopNTask
{
    private const int K = 10;

    public static IReadOnlyList<BenchRow> Run(BenchOptions options, string datasetName)
    {
        var all = BenchData.Load(options);
        var names = options.Algorithms ?? TuningGrid.TopNNames;
        var summaries = names.ToDictionary(n => n, n => new ReplicateSummary("topn", datasetName, n), StringComparer.Ordinal);
        foreach (var seed in BenchData.Seeds(options))
        {
            var split = RatingSplitter.PerUserRatio(all.Ratings, 0.25, seed, RatingSplitter.DefaultMinInteractions);
            var inner = RatingSplitter.PerUserRatio(split.Train, 0.25, seed + 1000, RatingSplitter.DefaultMinInteractions);
            var train = all.WithRatings(split.Train).ToMatrix();
            var innerTrain = all.WithRatings(inner.Train).ToMatrix();
            var choices = new Dictionary<string, ValidationChoice>(StringComparer.Ordinal);
            ValidationChoice Choose(string name) => choices.TryGetValue(name, out var c)
                ? c
                : choices[name] = ChooseOnValidation(name, TuningGrid.TopN(name, seed), innerTrain, inner.Test);

            foreach (var name in names)
            {
                // Every choice is made before the clock starts: "fit s" is the refit on the whole training side.
                var blendWeights = name == "blend" ? ChooseBlendWeights([.. TuningGrid.BlendComponents.Select(Choose)], innerTrain, inner.Test) : [];
                var choice = name == "blend" ? null : Choose(name);
                var start = Stopwatch.GetTimestamp();
                IRecommender model;
                string chosen;
                if (choice is null)
                {
                    (model, chosen) = FitBlend([.. TuningGrid.BlendComponents.Select(Choose)], blendWeights, train);
                }
                else
                {
                    model = choice.Candidate.Fit(train);
                    chosen = choice.Candidate.Label;
                }

                var fit = Stopwatch.GetElapsedTime(start).TotalSeconds;
                var result = TopNEvaluator.Evaluate(model, train, split.Test, new TopNEvaluationOptions(K: K));
                summaries[name].Add(
                    new Dictionary<string, double>
                    {
                        ["P@10"] = result.Precision,
                        ["R@10"] = result.Recall,
                        ["NDCG@10"] = result.Ndcg,
                        ["MAP@10"] = result.Map,
                        ["coverage"] = result.CatalogCoverage,
                    },
                    chosen,
                    fit);
                Console.Error.WriteLine($"  seed {seed} {name} [{chosen}]: NDCG@10 {result.Ndcg:F4} P@10 {result.Precision:F4} (refit {fit:F2} s, load {LoadAverage.Now})");
            }
        }

        return [.. names.Select(n => summaries[n].ToRow("seed"))];
    }

    private static ValidationChoice ChooseOnValidation(string name, IReadOnlyList<TuningCandidate> grid, InteractionMatrix innerTrain, Rating[] validation)
    {
        ValidationChoice? best = null;
        foreach (var candidate in grid)
        {
            var model = candidate.Fit(innerTrain);
            var ndcg = TopNEvaluator.Evaluate(model, innerTrain, validation, new TopNEvaluationOptions(K: K)).Ndcg;
            Console.Error.WriteLine($"    validation {name} [{candidate.Label}]: NDCG@10 {ndcg:F4}");
            if (best is null || ndcg > best.ValidationScore)
            {
                best = new ValidationChoice(candidate, model, ndcg);
            }
        }

        return best!;
    }

    /// <summary>
    /// The product's kind of blend (the <see cref="TuningGrid.BlendComponents"/> on per-user z-scores, popularity
    /// for users without history), each component at its own validated setting, with the weights on the
    /// simplex grid (steps of 0.1) that score best on validation. <see cref="BlendWeightTuner"/> re-ranks each
    /// validation user's pool of the components' top 200 items, the search the product's tuning runs.
    /// </summary>
    private static double[] ChooseBlendWeights(ValidationChoice[] components, InteractionMatrix innerTrain, Rating[] validation)
    {
        var tuned = BlendWeightTuner.Tune(
            [.. components.Select(c => c.InnerModel)],
            innerTrain,
            validation,
            new BlendTuningOptions(K: K, GridSteps: 10, Normalization: ScoreNormalization.ZScore));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    validation blend: NDCG@10 {tuned.BlendNdcg:F4} (best single {tuned.BestSingleComponent} {tuned.BestSingleNdcg:F4})"));
        return [.. tuned.Components.Select(c => c.Weight)];
    }

    private static (IRecommender Model, string Chosen) FitBlend(ValidationChoice[] components, double[] weights, InteractionMatrix train)
    {
        var fitted = new BlendComponent[components.Length];
        var labels = new string[components.Length];
        for (var c = 0; c < components.Length; c++)
        {
            var model = components[c].Candidate.Fit(train);
            fitted[c] = new BlendComponent(model, weights[c]);
            labels[c] = string.Create(CultureInfo.InvariantCulture, $"{model.Name} {components[c].Candidate.Label} w {weights[c]:0.0}");
        }

        var blend = new WeightedBlend(fitted, train, ScoreNormalization.ZScore, TuningGrid.TopN("popularity", 0)[0].Fit(train));
        return (blend, string.Join(", ", labels));
    }
}
