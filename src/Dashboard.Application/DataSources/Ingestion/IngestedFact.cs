namespace Dashboard.Application.DataSources.Ingestion;

/// <summary>One key/value attribute of an item or end-user, with the end-user flags.</summary>
public sealed record IngestedFact(string Key, string Value, bool Sensitive = false, bool QuasiIdentifier = false);
