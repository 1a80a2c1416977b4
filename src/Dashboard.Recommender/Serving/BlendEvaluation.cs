using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Evaluation.Significance;

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
/// <param name="IntraListDiversity">1 − mean category cosine of the pairs in each list, averaged over lists; NaN when the catalogue has no categories.</param>
/// <param name="NdcgPerUser">Mean, standard deviation and count of the per-end-user NDCG (for a significance test between versions); null when not measured.</param>
/// <param name="HeldOutRatings">Star ratings among the held-out interactions of end-users and items the model knows.</param>
/// <param name="Components">Each active component served alone on the same split (see <see cref="BlendTrainer.Evaluate"/>); empty unless asked for.</param>
public sealed record BlendEvaluation(
    int K,
    int EvaluatedEndUsers,
    double Precision,
    double Recall,
    double Ndcg,
    double Map,
    double CatalogCoverage,
    double Novelty,
    IReadOnlyDictionary<string, GroupReport> Groups,
    double IntraListDiversity = double.NaN,
    SampleSummary? NdcgPerUser = null,
    int HeldOutRatings = 0,
    IReadOnlyList<ComponentEvaluation>? Components = null);
