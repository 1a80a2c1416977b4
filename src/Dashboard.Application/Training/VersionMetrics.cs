using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Training;

/// <summary>
/// How a version did on the held-out interactions (each end-user's latest 20 %), at 10 recommendations;
/// stored as JSON on the version. <see cref="Groups"/> holds the same measures per value of every attribute flagged sensitive.
/// The measures after <see cref="Groups"/> came later: a version trained before them reads them as null (not measured).
/// <see cref="NdcgStandardDeviation"/> with <see cref="NdcgAt10"/> and <see cref="EvaluatedEndUsers"/> summarises the per-end-user
/// NDCG for a significance test between versions. <see cref="Rmse"/>/<see cref="Mae"/> are the held-out rating errors of the one
/// component that predicts star ratings (<see cref="RatingModel"/>); a blend's own score is a mix of normalised scores, not a rating.
/// </summary>
public sealed record VersionMetrics(
    double PrecisionAt10, double RecallAt10, double NdcgAt10, double MapAt10, double Coverage, double Novelty, int EvaluatedEndUsers,
    IReadOnlyList<SensitiveGroupMetrics> Groups,
    double? IntraListDiversity = null,
    double? NdcgStandardDeviation = null,
    int? HeldOutRatings = null,
    double? Rmse = null,
    double? Mae = null,
    string? RatingModel = null,
    IReadOnlyList<ComponentMetrics>? Components = null)
{
    /// <summary>The stored form of an evaluation; undefined figures (no categories, one end-user) become null.</summary>
    public static VersionMetrics From(BlendEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var components = (e.Components ?? []).Select(c => new ComponentMetrics(
            c.Kind.ToString(), c.DisplayName, c.Weight, c.Precision, c.Recall, c.Ndcg, c.Map, c.CatalogCoverage, c.Novelty,
            Defined(c.IntraListDiversity), Defined(c.NdcgPerUser.StandardDeviation), c.EvaluatedEndUsers,
            c.Ratings is { Scored: > 0 } r ? r.Rmse : null, c.Ratings is { Scored: > 0 } m ? m.Mae : null, c.Ratings?.Scored)).ToList();
        var rated = components.Where(c => c.Rmse is not null).ToList();
        var rating = rated.Count == 1 ? rated[0] : null;
        return new VersionMetrics(
            e.Precision, e.Recall, e.Ndcg, e.Map, e.CatalogCoverage, e.Novelty, e.EvaluatedEndUsers,
            [.. e.Groups.OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g => g.Value.Groups.Select(m =>
                new SensitiveGroupMetrics(g.Key, m.Group, m.UserCount, m.Precision, m.Recall, m.Ndcg, m.Map)))],
            Defined(e.IntraListDiversity), e.NdcgPerUser is { } spread ? Defined(spread.StandardDeviation) : null, e.HeldOutRatings,
            rating?.Rmse, rating?.Mae, rating?.Name, components);
    }

    /// <summary>A component alone can make no list at all (its novelty is then undefined): NaN is written as "NaN", not refused.</summary>
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static VersionMetrics FromJson(string json) =>
        JsonSerializer.Deserialize<VersionMetrics>(json, Json) ?? throw new JsonException("A version's metrics are empty.");

    /// <summary>The named measures in the order pages show them.</summary>
    public IReadOnlyList<(string Name, double Value)> Named =>
    [
        ("Precision@10", PrecisionAt10), ("Recall@10", RecallAt10), ("NDCG@10", NdcgAt10), ("MAP@10", MapAt10), ("Coverage", Coverage), ("Novelty", Novelty),
    ];

    private static double? Defined(double value) => double.IsFinite(value) ? value : null;
}
