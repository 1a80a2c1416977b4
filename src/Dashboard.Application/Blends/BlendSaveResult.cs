namespace Dashboard.Application.Blends;

/// <summary>The outcome of saving a blend: its id, or the field messages that kept it from being saved.</summary>
public sealed record BlendSaveResult(Guid Id, IReadOnlyList<FieldMessage> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static BlendSaveResult Saved(Guid id) => new(id, []);

    public static BlendSaveResult Refused(IReadOnlyList<FieldMessage> problems) => new(Guid.Empty, problems);
}
