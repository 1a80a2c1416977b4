namespace Dashboard.Application.Compliance;

/// <summary>Whether a model version may go live, and if not, why (a sentence people read).</summary>
public sealed record ReleaseDecision(bool Allowed, string? Reason)
{
    public static ReleaseDecision Allow { get; } = new(true, null);

    public static ReleaseDecision Block(string reason) => new(false, reason);
}
