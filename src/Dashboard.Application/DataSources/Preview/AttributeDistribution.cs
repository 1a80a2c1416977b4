namespace Dashboard.Application.DataSources.Preview;

/// <summary>How the values of one end-user attribute key are spread.</summary>
/// <param name="Key">The attribute key.</param>
/// <param name="IsSensitive">Some end-user has this key flagged sensitive (a special category, e.g. gender).</param>
/// <param name="IsQuasiIdentifier">Some end-user has this key flagged as a quasi-identifier (e.g. age band, postcode).</param>
/// <param name="EndUsers">End-users with a value for the key.</param>
/// <param name="DistinctValues">How many different values the key has.</param>
/// <param name="Values">
/// The most common values, most first, then "Other" for the rest when there are more. For a caller who may not see exact
/// aggregates about people each count is <see cref="Withheld"/>; they ask <see cref="IDataPreviewService.AttributeCountsAsync"/>.
/// </param>
public sealed record AttributeDistribution(
    string Key,
    bool IsSensitive,
    bool IsQuasiIdentifier,
    int EndUsers,
    int DistinctValues,
    IReadOnlyList<LabelledCount> Values)
{
    public const int Withheld = -1;
}
