namespace Dashboard.Infrastructure.Models;

/// <summary>A version's artifact cannot be loaded (damaged, missing or unreadable); the message says why, for people.</summary>
internal sealed class ModelUnusableException : Exception
{
    public ModelUnusableException()
    {
    }

    public ModelUnusableException(string message)
        : base(message)
    {
    }

    public ModelUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
