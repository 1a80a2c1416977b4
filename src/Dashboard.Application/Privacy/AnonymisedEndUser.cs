namespace Dashboard.Application.Privacy;

/// <summary>
/// One end-user's attributes as segments, bias audits and exports may use them: quasi-identifiers generalised, or
/// left out altogether when the end-user's equivalence class is smaller than k; other attributes (sensitive ones
/// decrypted) as stored.
/// </summary>
public sealed record AnonymisedEndUser(long EndUserId, bool QuasiIdentifiersSuppressed, IReadOnlyDictionary<string, string> Attributes);
