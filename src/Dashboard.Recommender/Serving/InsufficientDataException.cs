namespace Dashboard.Recommender.Serving;

/// <summary>
/// The data is too small to train on; the message is a sentence for the marketer, e.g. "Training needs
/// at least 2 end-users with 2 or more interactions; this organisation has 1."
/// </summary>
public sealed class InsufficientDataException : Exception
{
    public InsufficientDataException()
        : base("There is too little data to train on.")
    {
    }

    public InsufficientDataException(string message)
        : base(message)
    {
    }

    public InsufficientDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
