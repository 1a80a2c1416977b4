namespace Dashboard.Domain.Fairness;

/// <summary>What a bias audit concluded, worst finding first.</summary>
public enum BiasAuditOutcome
{
    /// <summary>Every judged figure is within its thresholds.</summary>
    Passed,

    /// <summary>No figure failed, some are close to a threshold or cannot be told apart from it.</summary>
    PassedWithWarnings,

    /// <summary>Some figures failed thresholds that are not blocking: reported, the version may still go live.</summary>
    Failed,

    /// <summary>A figure failed a blocking threshold: the version waits for a compliance officer's review.</summary>
    BlockingFailure,
}
