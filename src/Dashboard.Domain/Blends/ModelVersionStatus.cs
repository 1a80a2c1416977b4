namespace Dashboard.Domain.Blends;

public enum ModelVersionStatus
{
    /// <summary>Its artifact was stored and checked; it can be activated.</summary>
    Ready,

    /// <summary>Its artifact is missing or does not match its checksum; it can never serve again.</summary>
    Unusable,
}
