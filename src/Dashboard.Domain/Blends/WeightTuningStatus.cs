namespace Dashboard.Domain.Blends;

public enum WeightTuningStatus
{
    /// <summary>Found and shown; the marketer has not decided.</summary>
    Proposed,

    /// <summary>The chosen weights were written to the blend.</summary>
    Applied,

    /// <summary>The marketer kept the blend's weights.</summary>
    Dismissed,
}
