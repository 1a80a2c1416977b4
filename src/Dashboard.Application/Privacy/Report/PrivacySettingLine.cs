namespace Dashboard.Application.Privacy.Report;

/// <summary>One privacy setting in words ("k for k-anonymity", "5"); <see cref="IsDefault"/> when it has the default value.</summary>
public sealed record PrivacySettingLine(string Setting, string Value, bool IsDefault);
