using Dashboard.Application.DataSources.Ingestion;
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
    AcceptedTimes Times,
    string Channel = ImportSettings.FileChannel)
{
    /// <summary>The source of a consent record that names none: how it reached the dashboard.</summary>
    public const string FileChannel = "file import";

    public const string SqlChannel = "SQL source";

    /// <summary>
    /// The source's settings. A MovieLens file is a published data set whose ratings begin in 1997, so its
    /// earliest accepted time is at most <see cref="MovieLensFormat.FirstRatingUtc"/> whatever is configured.
    /// </summary>
    public static ImportSettings From(DataSource source, AcceptedTimes times)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Kind == DataSourceKind.FileUpload && source.FileFormat != FileFormat.Delimited && times.EarliestUtc > MovieLensFormat.FirstRatingUtc)
        {
            times = times with { EarliestUtc = MovieLensFormat.FirstRatingUtc };
        }

        return new ImportSettings(
            source.Mode, source.BadRows, Math.Max(1, source.MaxErrors), source.UnknownItems, source.MaxEventsPerUserPerDay,
            EventWeights.Parse(source.EventWeightsJson), times, source.Kind == DataSourceKind.SqlDatabase ? SqlChannel : FileChannel);
    }
}
