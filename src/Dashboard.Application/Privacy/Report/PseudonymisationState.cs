namespace Dashboard.Application.Privacy.Report;

/// <summary>Whether end-user ids are pseudonymised, since when, and the current key's age and rotations (retired keys).</summary>
public sealed record PseudonymisationState(bool IsOn, DateTime? SinceUtc, DateTime? KeyCreatedAtUtc, int? KeyAgeDays, int Rotations);
