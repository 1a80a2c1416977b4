using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Fairness;

/// <summary>
/// Everything measured for one group of one attribute. <see cref="UserCount"/> counts its evaluated
/// users (<see cref="Quality"/> is null when there is none); <see cref="SlotShare"/> is its share of
/// all slots of the attribute's known users; <see cref="CategorySlotShare"/>[c] the share of its slots
/// showing category c; <see cref="CalibrationKl"/> the mean over members with a categorised history;
/// <see cref="OutcomeRate"/>[c] conversions over funnel events in category c (NaN without funnel events)
/// among its <see cref="OutcomeUserCount"/> users with funnel events.
/// </summary>
public sealed record GroupFigures(
    string Group,
    int UserCount,
    bool TooFewToJudge,
    GroupMetrics? Quality,
    double SlotShare,
    double CatalogCoverage,
    double MeanPopularity,
    double LongTailShare,
    double CalibrationKl,
    IReadOnlyList<double> CategorySlotShare,
    int OutcomeUserCount,
    IReadOnlyList<double> OutcomeRate);
