namespace Dashboard.Infrastructure.Storage;

public enum StoredBlobKind
{
    Upload = 1,
    ModelArtifact = 2,
}
