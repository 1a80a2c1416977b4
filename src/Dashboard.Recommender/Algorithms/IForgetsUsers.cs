namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// A fitted model that keeps state per end-user index (factors, biases, a copy of their training row) and can
/// drop one end-user's, so an erased end-user leaves nothing of theirs behind in the saved model. Indices stay
/// as they are; the end-user's index simply holds nothing any more.
/// </summary>
internal interface IForgetsUsers
{
    void ForgetUser(int user);
}
