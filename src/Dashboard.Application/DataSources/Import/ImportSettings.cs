using Dashboard.Domain.DataSources;
using EventWeights = Dashboard.Recommender.Data.EventWeights;

namespace Dashboard.Application.DataSources.Import;

/// <summary>What one import does with the rows it reads; taken from the data source.</summary>
public sealed record ImportSettings(
    ImportMode Mode,
    BadRowPolicy BadRows,
    int MaxErrors,
    UnknownItemPolicy UnknownItems,
    int? MaxEventsPerUserPerDay,
    EventWeights Weights,
    DateTime NowUtc,
    bool AllowMissingTimestamp = false)
{
    /// <summary>Ratings are MovieLens style: 0.5 to 5.</summary>
    public const double MinRating = 0.5;

    public const double MaxRating = 5;

    public static ImportSettings From(DataSource source, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ImportSettings(
            source.Mode, source.BadRows, Math.Max(1, source.MaxErrors), source.UnknownItems, source.MaxEventsPerUserPerDay,
            EventWeights.Parse(source.EventWeightsJson), nowUtc, source.FileFormat == FileFormat.MovieLens1M);
    }
}
