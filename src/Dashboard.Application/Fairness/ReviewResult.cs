namespace Dashboard.Application.Fairness;

/// <summary>What a compliance officer's decision did, as a sentence to show: what changed, or why nothing did.</summary>
public sealed record ReviewResult(bool Succeeded, string Message)
{
    public static ReviewResult Refused(string why) => new(false, why);
}
