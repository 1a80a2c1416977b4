namespace Dashboard.Application.Privacy.Erasure;

/// <summary>A model version that held an erased end-user and was rewritten without them.</summary>
public sealed record ErasedFromVersion(Guid BlendId, string BlendName, Guid VersionId, int VersionNumber)
{
    /// <summary>How receipts and people name the version, e.g. "Default v3".</summary>
    public string Label => $"{BlendName} v{VersionNumber}";
}
