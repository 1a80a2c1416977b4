using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// One partition of a rating set into the part a model is fitted on and the part it is judged on.
/// Both arrays keep the input order of the ratings they hold.
/// </summary>
public sealed record TrainTestSplit(Rating[] Train, Rating[] Test);
