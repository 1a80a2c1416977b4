namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="Popularity"/>. With <see cref="HalfLifeDays"/> set, each interaction counts
/// 2^(-age / half-life), age measured from the newest timestamp in the training data ("trending"), so
/// the result does not depend on when Fit runs. Interactions without a timestamp count fully.
/// </summary>
public sealed record PopularityOptions
{
    /// <summary>Null: plain interaction counts. Otherwise the half-life of an interaction's weight, in days.</summary>
    public double? HalfLifeDays { get; init; }

    /// <summary>Sum the interaction values instead of counting them (e.g. implicit event weights).</summary>
    public bool UseValues { get; init; }
}
