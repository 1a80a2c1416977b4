namespace Dashboard.Domain.Blends;

/// <summary>
/// Where a model version stands with the compliance gate. Only <see cref="NotAudited"/>, <see cref="Cleared"/>
/// and <see cref="Approved"/> may go live.
/// </summary>
public enum ReleaseReview
{
    /// <summary>Trained before bias audits existed; nothing holds it back.</summary>
    NotAudited,

    /// <summary>Trained; its bias audit has not finished yet.</summary>
    AwaitingAudit,

    /// <summary>Its latest bias audit found no blocking failure.</summary>
    Cleared,

    /// <summary>Its latest bias audit found a blocking failure; a compliance officer must approve or reject it.</summary>
    AwaitingReview,

    /// <summary>A compliance officer accepted its blocking findings with a written justification.</summary>
    Approved,

    /// <summary>A compliance officer rejected it; it can never go live.</summary>
    Rejected,
}
