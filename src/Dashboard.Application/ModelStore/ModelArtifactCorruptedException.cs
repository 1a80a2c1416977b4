namespace Dashboard.Application.ModelStore;

/// <summary>An artifact's content no longer matches the checksum recorded when it was written.</summary>
public sealed class ModelArtifactCorruptedException : Exception
{
    public ModelArtifactCorruptedException()
        : base("The model artifact does not match its checksum.")
    {
    }

    public ModelArtifactCorruptedException(string message)
        : base(message)
    {
    }

    public ModelArtifactCorruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
