namespace Dashboard.Application.DataSources.Ingestion;

/// <summary>
/// The span of event times a write accepts: from <see cref="EarliestUtc"/> (configured per installation,
/// <see cref="DataSourcesOptions.EarliestTimestampUtc"/>) to <see cref="NowUtc"/> plus a small clock tolerance.
/// </summary>
public readonly record struct AcceptedTimes(DateTime EarliestUtc, DateTime NowUtc);
