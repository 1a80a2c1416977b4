namespace Dashboard.Application.Common;

/// <summary>The caller lacks the capability a use case needs. Pages show it as "not allowed".</summary>
public sealed class ForbiddenAccessException : Exception
{
    public ForbiddenAccessException()
        : base("You are not allowed to do this.")
    {
    }

    public ForbiddenAccessException(string policy)
        : base($"You are not allowed to do this (requires {policy}).")
    {
        Policy = policy;
    }

    public ForbiddenAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Policy { get; }
}
