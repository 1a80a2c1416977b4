using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Recommender.Fairness;

namespace Dashboard.Application.Fairness;

/// <summary>
/// What a stored bias audit says, as <see cref="Domain.Fairness.BiasAudit.ReportJson"/>: the engine's report
/// (figures per attribute and group with their sizes, the item side, every judged finding with its interval),
/// one plain sentence per finding (parallel to <see cref="FairnessReport.Findings"/>), the accuracy of the audited
/// lists, and which attributes were generalised before grouping. Pages, CSV and PDF all read this one document.
/// </summary>
/// <param name="Report">The engine's report.</param>
/// <param name="Sentences">One sentence per finding, in the order of <see cref="FairnessReport.Findings"/>.</param>
/// <param name="K">The list length audited (10).</param>
/// <param name="NdcgAt10">NDCG@10 of the audited lists over all evaluated end-users.</param>
/// <param name="PrecisionAt10">Precision@10 of the audited lists over all evaluated end-users.</param>
/// <param name="EvaluatedEndUsers">End-users with held-out items whose lists were audited.</param>
/// <param name="Generalised">Attribute → how its values were generalised before grouping (privacy settings); absent when used as stored.</param>
public sealed record BiasAuditDocument(
    FairnessReport Report,
    IReadOnlyList<string> Sentences,
    int K,
    double NdcgAt10,
    double PrecisionAt10,
    int EvaluatedEndUsers,
    IReadOnlyDictionary<string, string> Generalised)
{
    // Figures are NaN where undefined (a ratio whose reference is 0); JSON numbers cannot say so without this.
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static BiasAuditDocument FromJson(string json) =>
        JsonSerializer.Deserialize<BiasAuditDocument>(json, Options) ?? throw new JsonException("A bias audit's report is empty.");

    /// <summary>The findings with their sentences, e.g. for a table of what failed.</summary>
    public IEnumerable<(Finding Finding, string Sentence)> Explained => Report.Findings.Zip(Sentences);
}
