namespace Dashboard.Application.Privacy;

/// <summary>One group's count as released: exact or with noise, as the enclosing <see cref="PrivateCounts"/> says.</summary>
public sealed record PrivateCount(string Group, long Count);
