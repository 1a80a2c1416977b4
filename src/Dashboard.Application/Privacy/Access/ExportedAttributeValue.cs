namespace Dashboard.Application.Privacy.Access;

/// <summary>One attribute of the end-user; a sensitive value as it was sent, not as stored.</summary>
public sealed record ExportedAttributeValue(string Key, string Value, bool Sensitive, bool QuasiIdentifier);
