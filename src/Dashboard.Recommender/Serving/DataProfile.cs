namespace Dashboard.Recommender.Serving;

/// <summary>What a tenant's data holds, as far as choosing components is concerned.</summary>
/// <param name="HasRatings">At least one rating event (see <see cref="TrainingData.RatingEventType"/>).</param>
/// <param name="HasItemText">At least one item has a title, category, tag or attribute text.</param>
public sealed record DataProfile(int EndUsers, int Items, int Interactions, bool HasRatings, bool HasItemText);
