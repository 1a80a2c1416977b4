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
                var blendWeight = name == "blend" ? ChooseBlendWeight(Choose("ease"), Choose("implicit-als"), innerTrain, inner.Test) : double.NaN;
                var choice = name == "blend" ? null : Choose(name);
                var start = Stopwatch.GetTimestamp();
                IRecommender model;
                string chosen;
                if (choice is null)
                {
                    (model, chosen) = FitBlend(Choose("ease"), Choose("implicit-als"), blendWeight, train);
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
    /// The product's kind of blend (EASE and implicit ALS on per-user z-scores, popularity for users without
    /// history), each component at its own validated setting: the EASE weight that scores best on validation.
    /// </summary>
    private static double ChooseBlendWeight(ValidationChoice ease, ValidationChoice als, InteractionMatrix innerTrain, Rating[] validation)
    {
        var innerPopularity = TuningGrid.TopN("popularity", 0)[0].Fit(innerTrain);
        var bestWeight = double.NaN;
        var bestNdcg = double.NegativeInfinity;
        foreach (var weight in TuningGrid.BlendWeights)
        {
            var blend = Blend(ease.InnerModel, als.InnerModel, weight, innerTrain, innerPopularity);
            var ndcg = TopNEvaluator.Evaluate(blend, innerTrain, validation, new TopNEvaluationOptions(K: K)).Ndcg;
            if (ndcg > bestNdcg)
            {
                (bestWeight, bestNdcg) = (weight, ndcg);
            }
        }

        return bestWeight;
    }

    private static (IRecommender Model, string Chosen) FitBlend(ValidationChoice ease, ValidationChoice als, double easeWeight, InteractionMatrix train)
    {
        var model = Blend(ease.Candidate.Fit(train), als.Candidate.Fit(train), easeWeight, train, TuningGrid.TopN("popularity", 0)[0].Fit(train));
        var chosen = string.Create(CultureInfo.InvariantCulture, $"ease {ease.Candidate.Label} w {easeWeight:0.0}, als {als.Candidate.Label} w {1 - easeWeight:0.0}");
        return (model, chosen);
    }

    private static WeightedBlend Blend(IRecommender ease, IRecommender als, double easeWeight, InteractionMatrix history, IRecommender popularity) => new(
        [new BlendComponent(ease, easeWeight), new BlendComponent(als, 1 - easeWeight)],
        history,
        ScoreNormalization.ZScore,
        popularity);
}
