using Dashboard.Application.Blends;

namespace Dashboard.Application.Privacy;

/// <summary>The outcome of saving a privacy setting: saved, or the field messages that kept it from being saved.</summary>
public sealed record PrivacySaveResult(IReadOnlyList<FieldMessage> Problems)
{
    public static PrivacySaveResult Saved { get; } = new([]);

    public bool Succeeded => Problems.Count == 0;

    public static PrivacySaveResult Refused(params FieldMessage[] problems) => new(problems);
}
