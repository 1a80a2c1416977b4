namespace Dashboard.Application.DataSources.Preview;

/// <summary>One attribute of a sampled end-user, with its privacy flags so the page can mark it.</summary>
public sealed record AttributeSample(string Key, string Value, bool IsSensitive, bool IsQuasiIdentifier);
