using Dashboard.Application.Jobs;

namespace Dashboard.Application.Privacy;

/// <summary>
/// The organisation's pseudonymisation for the Privacy page: whether it is on (and since when), the age of the key in
/// use, how many keys it has had (rotations + 1), and the latest re-key run with its live progress.
/// </summary>
public sealed record PseudonymisationView(
    bool Enabled,
    DateTime? SinceUtc,
    DateTime? KeyCreatedAtUtc,
    TimeSpan? KeyAge,
    int KeysUsed,
    JobRunView? LatestRun);
