using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// Quality of a fitted blend's served lists on held-out interactions, means over the evaluated
/// end-users (those with a held-out item they had not already interacted with in training).
/// </summary>
/// <param name="K">List length and metric cut-off.</param>
/// <param name="EvaluatedEndUsers">End-users whose lists were scored.</param>
/// <param name="CatalogCoverage">Share of the catalogue that appears in at least one list.</param>
/// <param name="Novelty">Mean self-information of listed items, −log₂(popularity share); higher means less obvious.</param>
/// <param name="Groups">Per sensitive attribute name, the metrics per attribute value and the gaps between values.</param>
public sealed record BlendEvaluation(
    int K,
    int EvaluatedEndUsers,
    double Precision,
    double Recall,
    double Ndcg,
    double Map,
    double CatalogCoverage,
    double Novelty,
    IReadOnlyDictionary<string, GroupReport> Groups);
