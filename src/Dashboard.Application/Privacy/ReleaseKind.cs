namespace Dashboard.Application.Privacy;

/// <summary>How aggregate figures were released to the caller.</summary>
public enum ReleaseKind
{
    /// <summary>The true figures, to a compliance officer or admin; no budget spent.</summary>
    Exact,

    /// <summary>Figures with differential-privacy noise.</summary>
    Noisy,

    /// <summary>Nothing: the month's budget is spent.</summary>
    Refused,
}
