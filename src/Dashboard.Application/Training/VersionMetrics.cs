using System.Text.Json;

namespace Dashboard.Application.Training;

/// <summary>
/// How a version did on the held-out interactions (each end-user's latest 20 %), at 10 recommendations;
/// stored as JSON on the version. <see cref="Groups"/> holds the same measures per value of every attribute flagged sensitive.
/// </summary>
public sealed record VersionMetrics(
    double PrecisionAt10, double RecallAt10, double NdcgAt10, double MapAt10, double Coverage, double Novelty, int EvaluatedEndUsers,
    IReadOnlyList<SensitiveGroupMetrics> Groups)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static VersionMetrics FromJson(string json) =>
        JsonSerializer.Deserialize<VersionMetrics>(json) ?? throw new JsonException("A version's metrics are empty.");

    /// <summary>The named measures in the order pages show them.</summary>
    public IReadOnlyList<(string Name, double Value)> Named =>
    [
        ("Precision@10", PrecisionAt10), ("Recall@10", RecallAt10), ("NDCG@10", NdcgAt10), ("MAP@10", MapAt10), ("Coverage", Coverage), ("Novelty", Novelty),
    ];
}
