namespace Dashboard.Application.Privacy.Access;

/// <summary>One consent record of the end-user, as stored (the full history, not only the current state).</summary>
public sealed record ExportedConsent(string Purpose, bool Granted, DateTime OccurredAtUtc, DateTime RecordedAtUtc, string Source, string? NoticeVersion, string? ProofReference);
