using Dashboard.Application.Blends;

namespace Dashboard.Application.Campaigns.Segments;

/// <summary>The outcome of saving a segment: its id, or the field messages that kept it from being saved.</summary>
public sealed record SegmentSaveResult(Guid Id, IReadOnlyList<FieldMessage> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static SegmentSaveResult Saved(Guid id) => new(id, []);

    public static SegmentSaveResult Refused(IReadOnlyList<FieldMessage> problems) => new(Guid.Empty, problems);
}
