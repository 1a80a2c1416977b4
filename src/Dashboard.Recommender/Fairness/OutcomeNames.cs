namespace Dashboard.Recommender.Fairness;

/// <summary>
/// The two event types whose ratio is an outcome rate of the training data: <see cref="Conversion"/> events
/// per <see cref="Funnel"/> event, e.g. ("add_to_cart", "purchase"). Names match event types as training
/// does (case, underscores and hyphens ignored).
/// </summary>
public sealed record OutcomeNames(string Funnel, string Conversion);
