namespace Dashboard.Application.Privacy;

/// <summary>Why end-user ids are re-keyed: pseudonymisation is being turned on, or the key is being rotated.</summary>
public enum RekeyReason
{
    TurnOn,
    RotateKey,
}
