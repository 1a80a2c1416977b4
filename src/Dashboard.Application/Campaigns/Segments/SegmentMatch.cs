namespace Dashboard.Application.Campaigns.Segments;

/// <summary>How the parts of a segment (or of one group) combine.</summary>
public enum SegmentMatch
{
    /// <summary>Every part must hold (and).</summary>
    All,

    /// <summary>At least one part must hold (or).</summary>
    Any,
}
