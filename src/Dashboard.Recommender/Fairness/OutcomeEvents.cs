namespace Dashboard.Recommender.Fairness;

/// <summary>
/// Training events for the outcome rates of the data itself, as parallel columns (user index, item
/// index, event kind). An outcome rate is the number of <see cref="ConversionKind"/> events over the
/// number of <see cref="FunnelKind"/> events (e.g. purchases per add-to-cart); the names are used in
/// sentences. An event on an item with several categories counts in each of them.
/// </summary>
public sealed record OutcomeEvents(
    int[] Users,
    int[] Items,
    int[] Kinds,
    int FunnelKind,
    int ConversionKind,
    string FunnelName,
    string ConversionName);
