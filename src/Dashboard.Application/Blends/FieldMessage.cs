namespace Dashboard.Application.Blends;

/// <summary>A sentence for one field of the blend editor, e.g. ("Components[1].Weight", "…"); <see cref="Field"/> is empty for the form as a whole.</summary>
public sealed record FieldMessage(string Field, string Message);
