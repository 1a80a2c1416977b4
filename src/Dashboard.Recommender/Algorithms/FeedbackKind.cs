namespace Dashboard.Recommender.Algorithms;

/// <summary>What the interaction values mean to a neighbourhood model.</summary>
public enum FeedbackKind
{
    /// <summary>Ratings: predict a rating as the baseline plus the weighted mean of the neighbours' residuals.</summary>
    Explicit,

    /// <summary>Events: rank by the sum of similarities to the user's items (or of similar users).</summary>
    Implicit,
}
