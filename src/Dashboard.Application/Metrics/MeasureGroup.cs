namespace Dashboard.Application.Metrics;

/// <summary>Which chart a measure belongs to: hits on held-out items, what the lists look like, or star-rating error.</summary>
public enum MeasureGroup
{
    Ranking,
    BeyondAccuracy,
    RatingError,
}
