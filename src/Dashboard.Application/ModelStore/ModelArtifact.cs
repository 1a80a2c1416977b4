namespace Dashboard.Application.ModelStore;

/// <summary>A stored artifact: its id, size in bytes and SHA-256 (lower-case hex).</summary>
public sealed record ModelArtifact(Guid Id, long Length, string Sha256);
